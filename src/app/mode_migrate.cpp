#include <iostream>

#include "app/modes.hpp"
#include "app/runtime.hpp"

namespace scs {
namespace {

Status Migrate(Migrator& migrator, const CliCommand& command) {
    if (command.migrate_action == "up") {
        return migrator.Up();
    }
    if (command.migrate_action == "down") {
        return migrator.Down(command.migrate_number);
    }
    return migrator.Force(command.migrate_number);
}

}  // namespace

int RunMigrate(const AppConfig& config, const CliCommand& command) {
    auto database = OpenDatabase(config);
    if (!database) {
        std::cerr << "scs migrate: " << database.error().message << "\n";
        return 1;
    }
    auto& migrator = (*database)->Migrations();
    if (auto status = Migrate(migrator, command); !status) {
        std::cerr << "scs migrate " << command.migrate_action << ": " << status.error().message
                  << "\n";
        return 1;
    }
    auto version = migrator.Current();
    if (!version) {
        std::cerr << "scs migrate: " << version.error().message << "\n";
        return 1;
    }
    std::cout << "schema version " << version->version << (version->dirty ? " (dirty)" : "")
              << " of " << migrator.Latest() << " (" << (*database)->Dialect() << ")\n";
    if (command.migrate_action == "up" && config.queue.backend == "sqs" &&
        config.queue.create_on_migrate) {
        if (auto created = CreateQueues(config); !created) {
            std::cerr << "scs migrate up: creating the SQS queues: " << created.error().message
                      << "\n";
            return 1;
        }
        std::cout << "sqs queues ready\n";
    }
    return 0;
}

}  // namespace scs
