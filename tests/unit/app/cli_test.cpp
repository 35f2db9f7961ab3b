#include "app/cli.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(Cli, DefaultsToAll) {
    auto command = ParseCommandLine({});
    ASSERT_TRUE(command);
    EXPECT_EQ(command->mode, Mode::kAll);
    EXPECT_FALSE(command->config_file);
}

TEST(Cli, Subcommands) {
    EXPECT_EQ(ParseCommandLine({"serve"})->mode, Mode::kServe);
    EXPECT_EQ(ParseCommandLine({"all"})->mode, Mode::kAll);
    auto work = ParseCommandLine({"work", "--groups", "orders,webhooks"});
    ASSERT_TRUE(work);
    EXPECT_EQ(work->mode, Mode::kWork);
    EXPECT_EQ(work->groups, "orders,webhooks");
    auto config = ParseCommandLine({"--config", "/etc/scs.yaml", "serve"});
    ASSERT_TRUE(config);
    EXPECT_EQ(config->config_file, std::filesystem::path("/etc/scs.yaml"));
}

TEST(Cli, Queues) {
    auto create = ParseCommandLine({"queues", "create"});
    ASSERT_TRUE(create);
    EXPECT_EQ(create->mode, Mode::kQueues);
    EXPECT_EQ(create->queues_action, "create");
    auto probe = ParseCommandLine({"queues",
                                   "probe",
                                   "--queue",
                                   "webhooks",
                                   "--count",
                                   "20",
                                   "--groups",
                                   "2",
                                   "--hold",
                                   "1s",
                                   "--wait",
                                   "0s"});
    ASSERT_TRUE(probe);
    EXPECT_EQ(probe->queues_action, "probe");
    EXPECT_EQ(probe->probe_queue, "webhooks");
    EXPECT_EQ(probe->probe_count, 20);
    EXPECT_EQ(probe->probe_groups, 2);
    EXPECT_EQ(probe->probe_hold, "1s");
    EXPECT_EQ(probe->probe_wait, "0s");
    EXPECT_FALSE(ParseCommandLine({"queues", "purge"}));
    EXPECT_FALSE(ParseCommandLine({"queues"}));
    EXPECT_FALSE(ParseCommandLine({"queues", "probe", "--count", "0"}));
}

TEST(Cli, Migrate) {
    auto up = ParseCommandLine({"migrate", "up"});
    ASSERT_TRUE(up);
    EXPECT_EQ(up->mode, Mode::kMigrate);
    EXPECT_EQ(up->migrate_action, "up");
    auto down = ParseCommandLine({"migrate", "down"});
    ASSERT_TRUE(down);
    EXPECT_EQ(down->migrate_number, 1);
    EXPECT_EQ(ParseCommandLine({"migrate", "down", "3"})->migrate_number, 3);
    auto force = ParseCommandLine({"migrate", "force", "2"});
    ASSERT_TRUE(force);
    EXPECT_EQ(force->migrate_action, "force");
    EXPECT_EQ(force->migrate_number, 2);
}

TEST(Cli, MigrateErrors) {
    EXPECT_FALSE(ParseCommandLine({"migrate"}));
    EXPECT_FALSE(ParseCommandLine({"migrate", "sideways"}));
    EXPECT_FALSE(ParseCommandLine({"migrate", "force"}));
    EXPECT_FALSE(ParseCommandLine({"migrate", "down", "x"}));
    EXPECT_FALSE(ParseCommandLine({"migrate", "up", "2"}));
}

TEST(Cli, SeedSpellings) {
    EXPECT_EQ(ParseCommandLine({"-mode=http"})->mode, Mode::kServe);
    EXPECT_EQ(ParseCommandLine({"-mode=worker"})->mode, Mode::kWork);
    EXPECT_EQ(ParseCommandLine({"-mode", "http"})->mode, Mode::kServe);
    auto migrate = ParseCommandLine({"-mode=migration", "-migrationType=down"});
    ASSERT_TRUE(migrate);
    EXPECT_EQ(migrate->mode, Mode::kMigrate);
    EXPECT_EQ(migrate->migrate_action, "down");
    EXPECT_EQ(ParseCommandLine({"-mode=migration"})->migrate_action, "up");
    auto config = ParseCommandLine({"-config=/x.yaml", "-mode=http"});
    ASSERT_TRUE(config);
    EXPECT_EQ(config->config_file, std::filesystem::path("/x.yaml"));
}

TEST(Cli, HelpVersionAndErrors) {
    auto help = ParseCommandLine({"--help"});
    ASSERT_TRUE(help);
    EXPECT_EQ(help->mode, Mode::kHelp);
    EXPECT_NE(help->help_text.find("migrate"), std::string::npos);
    EXPECT_EQ(ParseCommandLine({"--version"})->mode, Mode::kVersion);
    auto unknown = ParseCommandLine({"explode"});
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("--help"), std::string::npos);
    EXPECT_FALSE(ParseCommandLine({"-mode=teleport"}));
}

TEST(Cli, HashToken) {
    auto hash = ParseCommandLine({"hash-token", "secret-token"});
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->mode, Mode::kHashToken);
    EXPECT_EQ(hash->token, "secret-token");
}

}  // namespace
}  // namespace scs
