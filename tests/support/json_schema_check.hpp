#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace scs::testing {

// The outcome of validating documents against a JSON Schema.
struct SchemaCheck {
    int exit_code = -1;  // 0 all valid, 1 some document invalid, anything else: the tool failed
    std::string output;  // one line per violation, or the tool's error
};

// Validates each JSON text in `documents` against `schema` with a real validator: ajv 2020-12
// with formats, run by node from the repository's node_modules (npm ci) through
// tests/support/validate_json_schema.mjs. Blocking; safe to call from one test at a time.
SchemaCheck ValidateAgainstSchema(const std::filesystem::path& schema,
                                  const std::vector<std::string>& documents);

}  // namespace scs::testing
