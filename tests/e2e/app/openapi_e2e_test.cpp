// docs/openapi.yaml is the contract: every path and method it lists is served by the real
// binary (never the router's "no route" 404 or a 405), and every documented status a request
// can provoke without a platform answers with the documented error shape.
#include <csignal>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

constexpr const char* kToken = "openapi-admin-token-0123456789";

std::string Fill(std::string path) {
    for (const auto& [param, value] : {std::pair<std::string, std::string>{"{seller_id}", "s1"},
                                       {"{ssc_id}", "1"},
                                       {"{id}", "webhooks:1"},
                                       {"{run_id}", "1"},
                                       {"{push_id}", "1"},
                                       {"{external_id}", "1001"},
                                       {"{platform}", "shopify"}}) {
        for (auto at = path.find(param); at != std::string::npos; at = path.find(param)) {
            path.replace(at, param.size(), value);
        }
    }
    return path;
}

std::string Upper(std::string text) {
    for (auto& ch : text) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    return text;
}

TEST(OpenApi, EveryDocumentedOperationIsServed) {
    const YAML::Node spec =
        YAML::LoadFile((testing::SourceDir() / "docs" / "openapi.yaml").string());
    testing::TempDir dir;
    const int port = testing::FreePort();
    testing::ChildProcess scs(testing::ScsBinary(),
                              {"serve"},
                              {{"SCS_DATA_DIR", (dir.Path() / "data").string()},
                               {"SCS_HTTP_ADDR", "127.0.0.1:" + std::to_string(port)},
                               {"SCS_API_TOKEN", kToken}},
                              dir.Path());
    ASSERT_TRUE(testing::WaitForHttp(port)) << scs.Stderr();
    int operations = 0;
    for (const auto& path : spec["paths"]) {
        for (const auto& operation : path.second) {
            const auto method = operation.first.as<std::string>();
            if (method == "parameters") {
                continue;
            }
            ++operations;
            const auto target = Fill(path.first.as<std::string>());
            auto r = testing::HttpCallAuthed(port, kToken, Upper(method), target, "{}");
            const std::string where = Upper(method) + " " + target;
            ASSERT_NE(r.status, 0) << where;
            EXPECT_NE(r.status, 405) << where;
            EXPECT_EQ(r.body.find("no route for"), std::string::npos) << where;
            const auto responses = operation.second["responses"];
            EXPECT_TRUE(responses[std::to_string(r.status)].IsDefined())
                << where << " answered " << r.status << ", which the contract does not list";
            if (r.status >= 400) {
                const auto json = boost::json::parse(r.body);
                EXPECT_EQ(json.at("status").as_string(), "error") << where;
                EXPECT_TRUE(json.as_object().contains("code")) << where;
            }
        }
    }
    EXPECT_GE(operations, 8);
    EXPECT_EQ(scs.Stop(SIGTERM), 0);
}

}  // namespace
}  // namespace scs
