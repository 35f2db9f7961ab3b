#include "app/cli.hpp"

#include <algorithm>
#include <charconv>

#include <CLI/CLI.hpp>

namespace scs {
namespace {

// "-mode=x", "--mode=x", "-mode x": returns the value of a legacy flag at args[i], if any.
std::optional<std::string> LegacyFlag(const std::vector<std::string>& args,
                                      size_t& i,
                                      std::string_view name) {
    for (const std::string prefix : {"-", "--"}) {
        const std::string flag = prefix + std::string(name);
        if (args[i] == flag && i + 1 < args.size()) {
            return args[++i];
        }
        if (args[i].rfind(flag + "=", 0) == 0) {
            return args[i].substr(flag.size() + 1);
        }
    }
    return std::nullopt;
}

std::string ModeWord(const std::string& legacy) {
    if (legacy == "http") {
        return "serve";
    }
    if (legacy == "worker") {
        return "work";
    }
    if (legacy == "migration") {
        return "migrate";
    }
    return legacy;  // an unknown mode is reported by the parser as an unknown command
}

// "up", "down [N]" (default 1) or "force V" into the command.
Status ParseMigrateArgs(const std::vector<std::string>& args, CliCommand& command) {
    command.mode = Mode::kMigrate;
    command.migrate_action = args[0];
    const bool has_number = args.size() == 2;
    if (command.migrate_action != "up" && command.migrate_action != "down" &&
        command.migrate_action != "force") {
        return Fail(ErrorCode::kBadRequest, "migrate: expected up, down [N] or force V");
    }
    if (has_number) {
        int number = -1;
        const auto& text = args[1];
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc() || ptr != text.data() + text.size() || number < 0) {
            return Fail(ErrorCode::kBadRequest, "migrate: '" + text + "' is not a number");
        }
        command.migrate_number = number;
    }
    if (command.migrate_action == "force" && !has_number) {
        return Fail(ErrorCode::kBadRequest, "migrate force: the version is required");
    }
    if (command.migrate_action == "up" && has_number) {
        return Fail(ErrorCode::kBadRequest, "migrate up: takes no number (it applies all)");
    }
    if (command.migrate_action == "down" && !has_number) {
        command.migrate_number = 1;
    }
    return {};
}

}  // namespace

std::vector<std::string> NormalizeLegacyArgs(const std::vector<std::string>& args) {
    std::optional<std::string> mode;
    std::optional<std::string> migration_type;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (auto value = LegacyFlag(args, i, "mode")) {
            mode = ModeWord(*value);
        } else if (auto type = LegacyFlag(args, i, "migrationType")) {
            migration_type = *type;
        } else if (args[i].rfind("-config=", 0) == 0) {
            rest.emplace_back("--config");
            rest.push_back(args[i].substr(8));
        } else {
            rest.push_back(args[i]);
        }
    }
    std::vector<std::string> out;
    if (mode) {
        out.push_back(*mode);
        if (*mode == "migrate") {
            out.push_back(migration_type.value_or("up"));
        }
    }
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

Result<CliCommand> ParseCommandLine(const std::vector<std::string>& raw_args) {
    CliCommand command;
    CLI::App app{"Sales Channel Service: connects seller stores to the order-management system.",
                 "scs"};
    app.set_help_flag("-h,--help", "Print this help and exit");
    bool version = false;
    std::string config_file;
    app.add_flag("--version", version, "Print the version and exit");
    app.add_option("--config", config_file, "YAML configuration file (default: embedded defaults)");
    app.require_subcommand(0, 1);
    app.fallthrough();

    auto* serve =
        app.add_subcommand("serve", "HTTP server: API, webhooks, OAuth, /health, /metrics");
    auto* work = app.add_subcommand("work", "Background workers draining the queues");
    work->add_option(
        "--groups", command.groups, "Queue groups: orders,products,inventory,webhooks");
    auto* all = app.add_subcommand("all", "serve + work in one process (the default)");
    all->add_flag("--sandbox",
                  command.with_sandbox,
                  "Also run the platform sandboxes, with a demo seller connected to a demo store");
    app.add_subcommand("sandbox", "The platform sandboxes (emulators) on sandbox.addr");
    auto* migrate =
        app.add_subcommand("migrate", "Database schema migrations: up | down [N] | force V");
    std::vector<std::string> migrate_args;
    migrate->add_option("action", migrate_args, "up | down [N] | force V")
        ->required()
        ->expected(1, 2);
    auto* queues = app.add_subcommand(
        "queues", "Queues: create (SQS queues and dead-letter queues) | stats | probe");
    queues->add_option("action", command.queues_action, "create | stats | probe")
        ->required()
        ->check(CLI::IsMember({"create", "stats", "probe"}));
    queues->add_option("--queue", command.probe_queue, "probe: one queue, e.g. webhooks");
    queues->add_option("--count", command.probe_count, "probe: probes per queue")
        ->check(CLI::Range(1, 10000));
    queues->add_option("--groups", command.probe_groups, "probe: message groups per queue")
        ->check(CLI::Range(1, 100));
    queues->add_option("--hold", command.probe_hold, "probe: how long each probe runs, e.g. 2s");
    queues->add_option("--wait", command.probe_wait, "probe: how long to wait; 0s: do not wait");
    auto* hash = app.add_subcommand("hash-token", "Print the SHA-256 to put in auth.seller_tokens");
    hash->add_option("token", command.token, "The token")->required();

    std::vector<std::string> args = NormalizeLegacyArgs(raw_args);
    std::reverse(args.begin(), args.end());  // CLI11 takes them reversed
    try {
        app.parse(args);
    } catch (const CLI::CallForHelp&) {
        command.mode = Mode::kHelp;
        command.help_text = app.help();
        return command;
    } catch (const CLI::ParseError& e) {
        return Fail(ErrorCode::kBadRequest, std::string(e.what()) + " (see scs --help)");
    }
    if (!config_file.empty()) {
        command.config_file = config_file;
    }
    if (version) {
        command.mode = Mode::kVersion;
    } else if (serve->parsed()) {
        command.mode = Mode::kServe;
    } else if (work->parsed()) {
        command.mode = Mode::kWork;
    } else if (queues->parsed()) {
        command.mode = Mode::kQueues;
    } else if (app.got_subcommand("sandbox")) {
        command.mode = Mode::kSandbox;
    } else if (hash->parsed()) {
        command.mode = Mode::kHashToken;
    } else if (migrate->parsed()) {
        auto parsed = ParseMigrateArgs(migrate_args, command);
        if (!parsed) {
            return tl::unexpected(parsed.error());
        }
    } else {
        static_cast<void>(all);
        command.mode = Mode::kAll;
    }
    return command;
}

}  // namespace scs
