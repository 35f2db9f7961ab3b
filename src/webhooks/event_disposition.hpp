#pragma once

#include <string>

#include "storage/webhook_event_store.hpp"

namespace scs {

// What processing decided for one webhook event, recorded on the event. Plain data.
struct EventDisposition {
    WebhookEventStatus status = WebhookEventStatus::kProcessed;
    std::string note;  // why it failed or was ignored; empty when processed
};

}  // namespace scs
