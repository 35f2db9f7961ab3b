#include "push/inventory_push_job.hpp"

#include <algorithm>
#include <set>
#include <variant>

#include "push/push_job_support.hpp"
#include "push/push_service.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

// A store that keeps changing between our read and our write is given this many tries.
constexpr int kMaxSetRounds = 3;
constexpr auto kBatchLimit = static_cast<int>(kMaxInventorySetItems);

std::vector<std::string> DistinctSkus(const std::vector<PendingInventory>& pending) {
    std::set<std::string> skus;
    for (const auto& item : pending) {
        skus.insert(item.sku);
    }
    return {skus.begin(), skus.end()};
}

// The same sets from the same starting levels give the same key, so a repeated call (a retry
// after a crash before the settle committed) is replayed by the platform, not applied again.
std::string BatchKey(int64_t connection_id, const std::vector<PlannedSet>& sets) {
    std::string content = std::to_string(connection_id);
    for (const auto& set : sets) {
        content += "\n" + set.key.inventory_item_id + "@" + set.key.location_id + "=" +
                   std::to_string(set.target) + "<" +
                   (set.change_from ? std::to_string(*set.change_from) : "*");
    }
    return "scs-inv-" + HexEncode(Sha256(content));
}

ItemSettlement Refused(const PlannedSet& set, const InventorySetResult& result) {
    const bool unknown = result.outcome == InventorySetOutcome::kUnknownItem;
    const bool unstocked = result.outcome == InventorySetOutcome::kNotStocked;
    const std::string_view code = unknown     ? kInventoryItemNotFound
                                  : unstocked ? kNotStocked
                                              : kRejected;
    return FailedSettlement(set.item.item_id,
                            code,
                            "the store refused SKU " + set.item.sku + ": " + result.message,
                            set.location_id);
}

InventoryLevelRead LevelOf(const std::map<InventoryKey, InventoryLevelRead>& levels,
                           const InventoryKey& key) {
    auto found = levels.find(key);
    return found == levels.end() ? InventoryLevelRead{} : found->second;
}

}  // namespace

JobHandler InventoryPushJob::Handler() {
    return [this](const Job& job, JobContext& context) {
        return Run(job, context);
    };
}

Status InventoryPushJob::Run(const Job& job, JobContext& context) {
    auto payload = ParsePushJobPayload(kPushInventoryJobType, job.payload_json);
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    auto opened = OpenPushTarget(deps_, payload->connection_id);
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    if (const auto* refusal = std::get_if<Error>(&*opened)) {
        deps_.metrics.CountPush(PushKindName(PushKind::kInventory), "failed");
        return FailAllPending(payload->connection_id, *refusal);
    }
    return PushAll(std::get<PushTarget>(*opened), context);
}

Status InventoryPushJob::PushAll(PushTarget& target, JobContext& context) {
    const int64_t connection_id = target.session.connection.id;
    bool more = true;
    while (more) {
        if (context.StopRequested()) {
            return Fail(ErrorCode::kUnavailable, "stopped at shutdown; the items stay pending");
        }
        auto plan = PlanBatch(target.session.connection, more);
        if (!plan) {
            return tl::unexpected(plan.error());
        }
        BatchOutcome outcome = PushBatch(target, std::move(*plan));
        if (auto settled = Settle(connection_id, outcome.settled); !settled) {
            return settled;
        }
        if (outcome.error) {
            return OnBatchError(target, *outcome.error, context);
        }
        if (auto beat = more ? context.Heartbeat() : Status{}; !beat) {
            return beat;
        }
    }
    deps_.metrics.CountPush(PushKindName(PushKind::kInventory), "done");
    return {};
}

Result<InventoryPlan> InventoryPushJob::PlanBatch(const Connection& connection, bool& more) {
    InventoryPlanInput input;
    input.connection_id = connection.id;
    input.hub_locations = connection.settings.hub_locations;
    input.safety_stock = connection.settings.safety_stock;
    auto loaded = deps_.executor.Transact(TxMode::kRead, [&](SqlSession& session) -> Status {
        auto pending = LoadPendingInventory(session, connection.id, kBatchLimit);
        if (!pending) {
            return tl::unexpected(pending.error());
        }
        input.pending = std::move(*pending);
        const auto skus = DistinctSkus(input.pending);
        auto listings = FindListingsBySku(session, connection.id, skus);
        if (!listings) {
            return tl::unexpected(listings.error());
        }
        input.listings = std::move(*listings);
        auto ledger = LoadLedger(session, connection.id, skus);
        if (!ledger) {
            return tl::unexpected(ledger.error());
        }
        input.ledger = std::move(*ledger);
        return {};
    });
    if (!loaded) {
        return tl::unexpected(loaded.error());
    }
    more = input.pending.size() >= kMaxInventorySetItems;
    return PlanInventory(input);
}

InventoryPushJob::BatchOutcome InventoryPushJob::PushBatch(PushTarget& target, InventoryPlan plan) {
    BatchOutcome outcome{std::move(plan.settled), std::nullopt};
    std::vector<PlannedSet>& sets = plan.sets;
    Status status = ReadMissingLevels(target, sets, outcome.settled);
    for (int round = 1; status && !sets.empty(); ++round) {
        status = SetLevels(target, sets, outcome.settled);
        if (!status || sets.empty()) {
            break;
        }
        if (round == kMaxSetRounds) {
            for (const auto& set : sets) {
                outcome.settled.push_back(FailedSettlement(
                    set.item.item_id,
                    kRejected,
                    "the store's quantity kept changing during the push; push it again",
                    set.location_id));
            }
            break;
        }
        status = RereadStale(target, sets, outcome.settled);
    }
    if (!status) {
        outcome.error = status.error();
    }
    return outcome;
}

Status InventoryPushJob::ReadMissingLevels(PushTarget& target,
                                           std::vector<PlannedSet>& sets,
                                           std::vector<ItemSettlement>& settled) {
    std::vector<InventoryKey> keys;
    for (const auto& set : sets) {
        if (!set.change_from) {
            keys.push_back(set.key);
        }
    }
    if (keys.empty()) {
        return {};
    }
    auto levels = target.connector->ReadInventoryLevels(target.session, keys);
    if (!levels) {
        return tl::unexpected(levels.error());
    }
    const TimePoint now = deps_.clock.Now();
    std::vector<PlannedSet> remaining;
    for (auto& set : sets) {
        auto decided =
            set.change_from
                ? std::nullopt
                : ApplyReadLevel(set, LevelOf(*levels, set.key), target.session.connection.id, now);
        if (decided) {
            settled.push_back(std::move(*decided));
        } else {
            remaining.push_back(std::move(set));
        }
    }
    sets = std::move(remaining);
    return {};
}

Status InventoryPushJob::SetLevels(PushTarget& target,
                                   std::vector<PlannedSet>& sets,
                                   std::vector<ItemSettlement>& settled) {
    const int64_t connection_id = target.session.connection.id;
    InventorySetBatch batch;
    batch.idempotency_key = BatchKey(connection_id, sets);
    for (const auto& set : sets) {
        batch.items.push_back(InventorySetItem{set.key, set.target, set.change_from});
    }
    auto results = target.connector->SetInventory(target.session, batch);
    if (!results) {
        return tl::unexpected(results.error());
    }
    if (results->size() != sets.size()) {
        return Fail(ErrorCode::kInvalidPayload,
                    "the platform answered " + std::to_string(results->size()) + " results for " +
                        std::to_string(sets.size()) + " items");
    }
    const TimePoint now = deps_.clock.Now();
    std::vector<PlannedSet> stale;
    for (size_t i = 0; i < sets.size(); ++i) {
        const InventorySetOutcome outcome = (*results)[i].outcome;
        if (outcome == InventorySetOutcome::kStale) {
            stale.push_back(std::move(sets[i]));
        } else if (outcome == InventorySetOutcome::kApplied) {
            settled.push_back(AppliedSettlement(sets[i], connection_id, now));
        } else {
            settled.push_back(Refused(sets[i], (*results)[i]));
        }
    }
    sets = std::move(stale);
    return {};
}

Status InventoryPushJob::RereadStale(PushTarget& target,
                                     std::vector<PlannedSet>& sets,
                                     std::vector<ItemSettlement>& settled) {
    std::vector<InventoryKey> keys;
    keys.reserve(sets.size());
    for (const auto& set : sets) {
        keys.push_back(set.key);
    }
    auto levels = target.connector->ReadInventoryLevels(target.session, keys);
    if (!levels) {
        return tl::unexpected(levels.error());
    }
    const TimePoint now = deps_.clock.Now();
    const int64_t connection_id = target.session.connection.id;
    std::vector<PlannedSet> remaining;
    for (auto& set : sets) {
        const InventoryLevelRead read = LevelOf(*levels, set.key);
        auto decided = read.item_exists && read.available
                           ? ApplyStaleLevel(set, *read.available, connection_id, now)
                           : ApplyReadLevel(set, read, connection_id, now);
        if (decided) {
            settled.push_back(std::move(*decided));
        } else {
            remaining.push_back(std::move(set));
        }
    }
    sets = std::move(remaining);
    return {};
}

Status InventoryPushJob::Settle(int64_t connection_id,
                                const std::vector<ItemSettlement>& settlements) {
    if (settlements.empty()) {
        return {};
    }
    const TimePoint now = deps_.clock.Now();
    auto settled = deps_.executor.Transact(TxMode::kWrite, [&](SqlSession& tx) {
        return SettleInventoryItems(tx, connection_id, settlements, now);
    });
    if (!settled) {
        return settled;
    }
    for (auto state : {PushItemState::kDone, PushItemState::kSkipped, PushItemState::kFailed}) {
        deps_.metrics.CountItems(
            PushItemStateName(state),
            std::count_if(settlements.begin(), settlements.end(), [state](const auto& settlement) {
                return settlement.state == state;
            }));
    }
    return {};
}

Status InventoryPushJob::FailAllPending(int64_t connection_id, const Error& error) {
    logger_.Warn("inventory push failed",
                 {log::F("connection_id", connection_id), log::F("error", DescribeError(error))});
    bool more = true;
    while (more) {
        std::vector<ItemSettlement> failed;
        auto loaded = deps_.executor.Transact(TxMode::kRead, [&](SqlSession& session) -> Status {
            failed.clear();
            auto pending = LoadPendingInventory(session, connection_id, kBatchLimit);
            if (!pending) {
                return tl::unexpected(pending.error());
            }
            for (const auto& item : *pending) {
                failed.push_back(
                    FailedSettlement(item.item_id, ErrorCodeName(error.code), error.message));
            }
            return {};
        });
        if (!loaded) {
            return loaded;
        }
        more = failed.size() >= kMaxInventorySetItems;
        if (auto settled = Settle(connection_id, failed); !settled) {
            return settled;
        }
    }
    return {};
}

Status InventoryPushJob::OnBatchError(const PushTarget& target,
                                      const Error& error,
                                      const JobContext& context) {
    const bool transient = IsTransientPushError(error.code);
    const std::string_view kind = PushKindName(PushKind::kInventory);
    if (transient && !IsFinalReceive(context, deps_.max_receives)) {
        deps_.metrics.CountPush(kind, "retried");
        return tl::unexpected(error);
    }
    const int64_t connection_id = target.session.connection.id;
    if (error.code == ErrorCode::kInvalidCredentials) {
        MarkReauthRequired(deps_.connections, connection_id, deps_.clock.Now());
    }
    deps_.metrics.CountPush(kind, "failed");
    if (auto failed = FailAllPending(connection_id, error); !failed) {
        return failed;
    }
    // The last delivery's error still sends the message to the dead letters.
    return transient ? Status(tl::unexpected(error)) : Status{};
}

}  // namespace scs
