#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/result.hpp"

// A deliberately small GraphQL reader for the sandbox: one operation, fields with arguments and
// selections and directives, inline fragments merged into their parent. Enough to recognise the
// operations a Shopify client sends, read their arguments and project the answer. Pure,
// thread-safe.
namespace scs::sandbox {

// A directive on a field, such as @idempotent(key: $key): its arguments read like field arguments.
struct GraphqlDirective {
    std::string name;  // without the '@'
    boost::json::object args;
};

struct GraphqlField {
    std::string alias;  // the response key: the alias, or the name when there is none
    std::string name;
    boost::json::object args;  // variables already substituted; enums read as strings
    std::vector<GraphqlField> selections;
    std::vector<GraphqlDirective> directives;
};

// The directive `name` on `field`, or nullptr.
const GraphqlDirective* FindDirective(const GraphqlField& field, std::string_view name);

struct GraphqlOperation {
    bool is_mutation = false;
    std::vector<GraphqlField> fields;
};

// Parses `query`, substituting `variables`. kBadRequest with a GraphQL-style message on a syntax
// error, an undefined variable or a named fragment (not supported).
[[nodiscard]] Result<GraphqlOperation> ParseGraphql(std::string_view query,
                                                    const boost::json::object& variables);

// The fields of `fields` picked out of `value`, recursively; arrays are projected element-wise.
// A selected field the value lacks reads as null.
boost::json::value Project(const std::vector<GraphqlField>& fields,
                           const boost::json::value& value);

}  // namespace scs::sandbox
