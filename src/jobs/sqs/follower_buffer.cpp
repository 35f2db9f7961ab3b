#include "jobs/sqs/follower_buffer.hpp"

#include <algorithm>
#include <utility>

namespace scs {

std::vector<ReceivedMessage> FollowerBuffer::Admit(std::vector<ReceivedMessage> batch,
                                                   TimePoint visible_until) {
    std::vector<ReceivedMessage> heads;
    std::map<std::string, Chain> fresh;
    for (ReceivedMessage& message : batch) {
        auto [chain, first] = fresh.try_emplace(message.group_id);
        if (first) {
            chain->second.head_receipt = message.receipt;
            chain->second.visible_until = visible_until;
            heads.push_back(std::move(message));
        } else {
            chain->second.followers.push_back(std::move(message));
        }
    }
    for (auto& [group, chain] : fresh) {
        chains_.erase(group);
        if (!chain.followers.empty()) {
            chains_.emplace(group, std::move(chain));
        }
    }
    return heads;
}

void FollowerBuffer::Finished(const std::string& receipt) {
    const auto chain = FindByHead(receipt);
    if (chain != chains_.end()) {
        chain->second.head_out = false;
    }
}

std::vector<std::string> FollowerBuffer::Abandon(const std::string& receipt) {
    std::vector<std::string> receipts;
    const auto chain = FindByHead(receipt);
    if (chain == chains_.end()) {
        return receipts;
    }
    for (const ReceivedMessage& follower : chain->second.followers) {
        receipts.push_back(follower.receipt);
    }
    chains_.erase(chain);
    return receipts;
}

std::vector<ReceivedMessage> FollowerBuffer::TakeReady(TimePoint now,
                                                       std::chrono::milliseconds margin,
                                                       int max) {
    std::vector<ReceivedMessage> ready;
    for (auto chain = chains_.begin(); chain != chains_.end();) {
        Chain& held = chain->second;
        if (held.head_out || static_cast<int>(ready.size()) >= max) {
            ++chain;
            continue;
        }
        if (held.visible_until - margin <= now) {
            chain = chains_.erase(chain);
            continue;
        }
        ReceivedMessage next = std::move(held.followers.front());
        held.followers.pop_front();
        held.head_receipt = next.receipt;
        held.head_out = true;
        ready.push_back(std::move(next));
        chain = held.followers.empty() ? chains_.erase(chain) : std::next(chain);
    }
    return ready;
}

std::vector<std::string> FollowerBuffer::DrainAll() {
    std::vector<std::string> receipts;
    for (const auto& [group, chain] : chains_) {
        for (const ReceivedMessage& follower : chain.followers) {
            receipts.push_back(follower.receipt);
        }
    }
    chains_.clear();
    return receipts;
}

size_t FollowerBuffer::HeldCount() const {
    size_t count = 0;
    for (const auto& [group, chain] : chains_) {
        count += chain.followers.size();
    }
    return count;
}

std::map<std::string, FollowerBuffer::Chain>::iterator FollowerBuffer::FindByHead(
    const std::string& receipt) {
    return std::find_if(chains_.begin(), chains_.end(), [&](const auto& entry) {
        return entry.second.head_receipt == receipt;
    });
}

}  // namespace scs
