#include "jobs/worker/job_handlers.hpp"

#include <stdexcept>
#include <utility>

namespace scs {

JobContext::JobContext(std::string queue,
                       ReceivedMessage message,
                       const std::atomic<bool>& stop_requested,
                       HeartbeatFn heartbeat)
    : queue_(std::move(queue)),
      message_(std::move(message)),
      stop_requested_(stop_requested),
      heartbeat_(std::move(heartbeat)) {}

Status JobContext::Heartbeat() const {
    if (!heartbeat_) {
        return {};
    }
    return heartbeat_();
}

void JobHandlers::Add(std::string type, JobHandler handler) {
    if (type.empty()) {
        throw std::logic_error("JobHandlers::Add: the job type must not be empty");
    }
    if (!handler) {
        throw std::logic_error("JobHandlers::Add: empty handler for job type " + type);
    }
    if (handlers_.contains(type)) {
        throw std::logic_error("JobHandlers::Add: job type " + type + " added twice");
    }
    handlers_.emplace(std::move(type), std::move(handler));
}

const JobHandler* JobHandlers::Find(std::string_view type) const {
    const auto found = handlers_.find(type);
    return found == handlers_.end() ? nullptr : &found->second;
}

std::vector<std::string> JobHandlers::Types() const {
    std::vector<std::string> types;
    types.reserve(handlers_.size());
    for (const auto& [type, handler] : handlers_) {
        types.push_back(type);
    }
    return types;
}

}  // namespace scs
