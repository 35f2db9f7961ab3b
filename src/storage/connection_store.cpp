#include "storage/connection_store.hpp"

namespace scs {

void MarkReauthRequired(ConnectionStore& store, int64_t connection_id, TimePoint now) {
    auto connection = store.Get(connection_id);
    if (!connection || connection->status != ConnectionStatus::kActive) {
        return;
    }
    connection->status = ConnectionStatus::kReauthRequired;
    connection->updated_at = now;
    (void)store.Update(*connection);
}

}  // namespace scs
