#include "support/json_schema_check.hpp"

#include <array>
#include <cstdio>
#include <fstream>

#include <sys/wait.h>

#include "support/test_env.hpp"

namespace scs::testing {
namespace {

std::string Quoted(const std::filesystem::path& path) {
    std::string out = "'";
    for (const char c : path.string()) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

}  // namespace

SchemaCheck ValidateAgainstSchema(const std::filesystem::path& schema,
                                  const std::vector<std::string>& documents) {
    const TempDir dir;
    std::string command = "node " + Quoted(SourceDir() / "tests/support/validate_json_schema.mjs") +
                          " " + Quoted(schema);
    for (size_t i = 0; i < documents.size(); ++i) {
        const auto path = dir.Path() / ("document_" + std::to_string(i) + ".json");
        std::ofstream(path, std::ios::binary) << documents[i];
        command += " " + Quoted(path);
    }
    command += " 2>&1";
    SchemaCheck check;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        check.output = "cannot start node";
        return check;
    }
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        check.output.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    check.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return check;
}

}  // namespace scs::testing
