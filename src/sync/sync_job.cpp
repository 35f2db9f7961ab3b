#include "sync/sync_job.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "security/credential_seal.hpp"
#include "sync/order_page_writer.hpp"
#include "sync/product_page_writer.hpp"

namespace scs {
namespace {

struct SyncJobPayload {
    int64_t run_id = 0;
    int64_t connection_id = 0;
};

Result<SyncJobPayload> ParsePayload(const std::string& json) {
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(json, ec);
    const auto* object = ec ? nullptr : value.if_object();
    const auto* run = object == nullptr ? nullptr : object->if_contains("run_id");
    const auto* connection = object == nullptr ? nullptr : object->if_contains("connection_id");
    if (run == nullptr || connection == nullptr || !run->is_int64() || !connection->is_int64()) {
        return Fail(ErrorCode::kInvalidPayload,
                    "sync job payload: needs integer run_id and connection_id");
    }
    return SyncJobPayload{run->as_int64(), connection->as_int64()};
}

bool IsFinished(const SyncRun& run) {
    return run.status == SyncRunStatus::kSucceeded || run.status == SyncRunStatus::kFailed;
}

bool IsTransient(ErrorCode code) {
    return code == ErrorCode::kRateLimited || code == ErrorCode::kUnavailable ||
           code == ErrorCode::kTimeout;
}

}  // namespace

struct SyncJob::Attempt {
    SyncRun run;
    ConnectorPtr connector;
    ConnectorSession session;
    OrderPageRequest request;
    ProductPageRequest products;
};

JobHandler SyncJob::Handler() {
    return [this](const Job& job, JobContext& context) {
        return Run(job, context);
    };
}

Status SyncJob::Run(const Job& job, JobContext& context) {
    auto payload = ParsePayload(job.payload_json);
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    auto claimed = ClaimRun(payload->connection_id, payload->run_id);
    if (!claimed || !*claimed) {
        return claimed ? Status{} : Status(tl::unexpected(claimed.error()));
    }
    Attempt attempt;
    attempt.run = std::move(**claimed);
    auto prepared = Prepare(attempt);
    if (!prepared || !*prepared) {
        return prepared ? Status{} : Status(tl::unexpected(prepared.error()));
    }
    return PageLoop(attempt, context);
}

Result<std::optional<SyncRun>> SyncJob::ClaimRun(int64_t connection_id, int64_t run_id) {
    auto leased = deps_.state.TryAcquireLease(
        SyncLeaseKey(connection_id, deps_.entity), SyncLeaseOwner(run_id), deps_.options.lease_ttl);
    if (!leased) {
        return tl::unexpected(leased.error());
    }
    auto run = GetSyncRun(deps_.executor, connection_id, run_id);
    if (!run) {
        return tl::unexpected(run.error());
    }
    if (IsFinished(*run)) {
        // A redelivery of a finished (or superseded) run: free the lease if this delivery took it.
        if (*leased) {
            (void)deps_.state.ReleaseLease(SyncLeaseKey(connection_id, deps_.entity),
                                           SyncLeaseOwner(run_id));
        }
        return std::optional<SyncRun>();
    }
    if (!*leased) {
        return Fail(ErrorCode::kSyncInProgress,
                    "run " + std::to_string(run_id) + ": another run holds the sync lease");
    }
    return std::optional<SyncRun>(std::move(*run));
}

Result<bool> SyncJob::Prepare(Attempt& attempt) {
    auto connection = deps_.connections.Get(attempt.run.connection_id);
    if (!connection && connection.error().code != ErrorCode::kNotFound) {
        return tl::unexpected(connection.error());
    }
    auto skip = [this, &attempt](const std::string& why) -> Result<bool> {
        return GiveUp(attempt.run, why).map([] { return false; });
    };
    if (!connection) {
        return skip("the sales channel connection is gone");
    }
    if (connection->status != ConnectionStatus::kActive) {
        return skip("the connection is " + std::string(ConnectionStatusName(connection->status)));
    }
    auto credentials = OpenCredentials(deps_.secrets, *connection);
    if (!credentials) {
        return skip("credentials do not open: " + credentials.error().message);
    }
    auto connector = deps_.connectors.Make(connection->platform);
    if (!connector) {
        return skip(connector.error().message);
    }
    if (auto started = StartSyncRun(deps_.executor, attempt.run.id, deps_.clock.Now()); !started) {
        return tl::unexpected(started.error());
    }
    attempt.request.updated_since = attempt.run.from;
    attempt.request.cursor = attempt.run.cursor;
    attempt.products.cursor = attempt.run.cursor;
    attempt.products.page_size = BatchSize(deps_.options, deps_.entity);
    attempt.request.page_size = BatchSize(deps_.options, deps_.entity);
    attempt.request.mapping = MappingContextFor(*connection, deps_.clock.Now());
    attempt.session =
        ConnectorSession{std::move(*connection), std::move(*credentials), deps_.vault};
    attempt.connector = std::move(*connector);
    return true;
}

Status SyncJob::PageLoop(Attempt& attempt, JobContext& context) {
    // A run whose last page committed before a crash has nothing left to fetch.
    PageStep step = attempt.run.counts.pages > 0 && attempt.run.cursor.empty() ? PageStep::kLast
                                                                               : PageStep::kMore;
    while (step == PageStep::kMore) {
        if (context.StopRequested()) {
            return Fail(ErrorCode::kUnavailable,
                        "stopped at shutdown; the run resumes from its checkpoint");
        }
        auto page = SyncPage(attempt);
        if (!page) {
            return tl::unexpected(page.error());
        }
        step = *page;
        if (step != PageStep::kMore) {
            break;
        }
        auto kept =
            deps_.state.TryAcquireLease(SyncLeaseKey(attempt.run.connection_id, deps_.entity),
                                        SyncLeaseOwner(attempt.run.id),
                                        deps_.options.lease_ttl);
        if (kept && !*kept) {
            // The lease lapsed and a newer run took it over (and superseded this one).
            return {};
        }
        if (auto beat = context.Heartbeat(); !beat) {
            return beat;
        }
    }
    return step == PageStep::kLast ? Complete(attempt.run) : Status{};
}

Result<SyncJob::PageStep> SyncJob::SyncPage(Attempt& attempt) {
    return deps_.entity == "products" ? SyncProductPage(attempt) : SyncOrderPage(attempt);
}

Result<SyncJob::PageStep> SyncJob::SyncOrderPage(Attempt& attempt) {
    auto page = attempt.connector->FetchOrders(attempt.session, attempt.request);
    if (!page) {
        return OnConnectorError(attempt, page.error());
    }
    const OrderPageContext page_context{attempt.run.id,
                                        attempt.run.connection_id,
                                        attempt.run.trigger == "reconcile" && attempt.run.from,
                                        deps_.clock.Now()};
    auto tally = TransactValue<OrderPageTally>(deps_.executor, TxMode::kWrite, [&](SqlSession& tx) {
        return WriteOrderPage(tx, page_context, *page);
    });
    if (!tally) {
        (void)NoteSyncRunError(deps_.executor, attempt.run.id, tally.error().message);
        return tl::unexpected(tally.error());
    }
    CountPage(attempt, tally->delta);
    if (deps_.outbox_notify) {
        deps_.outbox_notify();
    }
    return Committed(attempt, page->next_cursor);
}

Result<SyncJob::PageStep> SyncJob::SyncProductPage(Attempt& attempt) {
    auto page = attempt.connector->FetchProducts(attempt.session, attempt.products);
    if (!page) {
        return OnConnectorError(attempt, page.error());
    }
    const ProductPageContext page_context{
        attempt.run.id, attempt.run.connection_id, deps_.clock.Now()};
    auto written =
        TransactValue<SyncRunCounts>(deps_.executor, TxMode::kWrite, [&](SqlSession& tx) {
            return WriteProductPage(tx, page_context, *page);
        });
    if (!written) {
        (void)NoteSyncRunError(deps_.executor, attempt.run.id, written.error().message);
        return tl::unexpected(written.error());
    }
    return Committed(attempt, page->next_cursor);
}

Result<SyncJob::PageStep> SyncJob::Committed(Attempt& attempt, const std::string& next_cursor) {
    attempt.request.cursor = next_cursor;
    attempt.products.cursor = next_cursor;
    attempt.run.cursor = next_cursor;
    return next_cursor.empty() ? PageStep::kLast : PageStep::kMore;
}

Result<SyncJob::PageStep> SyncJob::OnConnectorError(Attempt& attempt, const Error& error) {
    if (IsTransient(error.code)) {
        (void)NoteSyncRunError(deps_.executor, attempt.run.id, error.message);
        return tl::unexpected(error);
    }
    if (error.code == ErrorCode::kInvalidCredentials) {
        MarkReauthRequired(deps_.connections, attempt.run.connection_id, deps_.clock.Now());
    }
    auto given_up =
        GiveUp(attempt.run, std::string(ErrorCodeName(error.code)) + ": " + error.message);
    if (!given_up) {
        return tl::unexpected(given_up.error());
    }
    return PageStep::kGaveUp;
}

void SyncJob::CountPage(const Attempt& attempt, const SyncRunCounts& delta) {
    const std::string& platform = attempt.session.connection.platform;
    deps_.metrics.CountOrders(platform, "created", delta.created);
    deps_.metrics.CountOrders(platform, "updated", delta.updated);
    deps_.metrics.CountOrders(platform, "unchanged", delta.unchanged);
    deps_.metrics.CountOrders(platform, "failed", delta.failed);
    deps_.metrics.CountRecovered(platform, delta.recovered);
}

Status SyncJob::Complete(const SyncRun& run) {
    if (deps_.entity == "products") {
        auto finished = FinishProductSync(
            deps_.executor, ProductPageContext{run.id, run.connection_id, deps_.clock.Now()});
        if (!finished) {
            return tl::unexpected(finished.error());
        }
    }
    const TimePoint now = deps_.clock.Now();
    // Last-sync first: a crash before FinishSyncRun re-runs this step instead of losing it.
    if (auto set = deps_.state.SetLastSync(run.connection_id, deps_.entity, now); !set) {
        return set;
    }
    if (auto finished = FinishSyncRun(deps_.executor, run.id, SyncRunStatus::kSucceeded, "", now);
        !finished) {
        return finished;
    }
    (void)deps_.state.ReleaseLease(SyncLeaseKey(run.connection_id, deps_.entity),
                                   SyncLeaseOwner(run.id));
    return {};
}

Status SyncJob::GiveUp(const SyncRun& run, const std::string& why) {
    logger_.Warn("sync run failed",
                 {log::F("run_id", run.id),
                  log::F("connection_id", run.connection_id),
                  log::F("error", why)});
    if (auto finished =
            FinishSyncRun(deps_.executor, run.id, SyncRunStatus::kFailed, why, deps_.clock.Now());
        !finished) {
        return finished;
    }
    (void)deps_.state.ReleaseLease(SyncLeaseKey(run.connection_id, deps_.entity),
                                   SyncLeaseOwner(run.id));
    return {};
}

}  // namespace scs
