#include "sync_env.hpp"

#include <algorithm>
#include <sstream>

#include "connectors/catalogue.hpp"
#include "jobs/worker/job.hpp"
#include "security/credential_seal.hpp"
#include "state/sqlite/sqlite_state_store.hpp"

namespace scs::testing {
namespace {

const TimePoint kBase = FromUnixMillis(1'690'000'000'000);

Order MakeOrder(const std::string& external_id, TimePoint updated_at) {
    Order order;
    order.external_id = external_id;
    order.reference = "#" + external_id;
    order.sales_channel = "shopify";
    order.currency = "USD";
    order.external_status = "paid/unfulfilled";
    order.created_at = kBase;
    order.updated_at = updated_at;
    return order;
}

// Forwards to the shared MemoryStore: the registry makes one connector per job.
class MemoryConnector final : public Connector {
public:
    explicit MemoryConnector(std::shared_ptr<MemoryStore> store) : store_(std::move(store)) {}

    Status VerifyCredentials(const Connection&, const Credentials&) override { return {}; }

    Result<OrderPage> FetchOrders(ConnectorSession& session,
                                  const OrderPageRequest& request) override {
        if (session.credentials.at("access_token") != "good") {
            return Fail(ErrorCode::kInvalidCredentials, "token rejected");
        }
        return store_->Fetch(request);
    }

    Status SubscribeWebhooks(ConnectorSession&, std::string_view) override { return {}; }

    Result<ProductPage> FetchProducts(ConnectorSession&,
                                      const ProductPageRequest& request) override {
        return store_->FetchProducts(request);
    }

private:
    std::shared_ptr<MemoryStore> store_;
};

}  // namespace

void MemoryStore::Fill(int count, int page_size, const std::vector<std::string>& poison) {
    const std::lock_guard lock(mutex_);
    page_size_ = page_size;
    poison_ = poison;
    for (int i = 1; i <= count; ++i) {
        const std::string id = std::to_string(i);
        orders_[id] = MakeOrder(id, kBase + std::chrono::minutes(i));
    }
}

void MemoryStore::Touch(const std::string& external_id) {
    const std::lock_guard lock(mutex_);
    Order& order = orders_.at(external_id);
    order.note = "changed at " + FormatRfc3339(order.updated_at);
    order.updated_at += std::chrono::hours(1);
}

void MemoryStore::FailAt(const std::string& cursor, ErrorCode code) {
    const std::lock_guard lock(mutex_);
    failure_ = std::make_pair(cursor, code);
}

void MemoryStore::ClearFailure() {
    const std::lock_guard lock(mutex_);
    failure_.reset();
}

std::vector<std::string> MemoryStore::RequestedCursors() const {
    const std::lock_guard lock(mutex_);
    std::vector<std::string> cursors;
    for (const auto& request : requests_) {
        cursors.push_back(request.cursor);
    }
    return cursors;
}

std::vector<OrderPageRequest> MemoryStore::Requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

Result<OrderPage> MemoryStore::Fetch(const OrderPageRequest& request) {
    const std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (failure_ && failure_->first == request.cursor) {
        return Fail(failure_->second, "injected platform failure");
    }
    std::vector<Order> matching;
    for (const auto& [id, order] : orders_) {
        if (!request.updated_since || order.updated_at >= *request.updated_since) {
            matching.push_back(order);
        }
    }
    std::sort(matching.begin(), matching.end(), [](const Order& a, const Order& b) {
        return a.updated_at < b.updated_at;
    });
    const size_t page = request.cursor.empty() ? 0 : std::stoul(request.cursor.substr(1));
    const size_t begin = page * static_cast<size_t>(page_size_);
    const size_t end = std::min(matching.size(), begin + static_cast<size_t>(page_size_));
    OrderPage out;
    for (size_t i = begin; i < end; ++i) {
        Order order = matching[i];
        order.seller_id = request.mapping.seller_id;
        order.seller_sales_channel_id = request.mapping.connection_id;
        order.id = "ord-" + std::to_string(request.mapping.connection_id) + "-" + order.external_id;
        const bool poison =
            std::find(poison_.begin(), poison_.end(), order.external_id) != poison_.end();
        out.orders.push_back(FetchedOrder{
            order.external_id,
            order.updated_at,
            poison ? Result<Order>(Fail(ErrorCode::kInvalidPayload, "total_price: not a number"))
                   : Result<Order>(order)});
    }
    if (end < matching.size()) {
        out.next_cursor = "c" + std::to_string(page + 1);
    }
    return out;
}

void MemoryStore::SetListings(std::vector<Listing> listings, int page_size) {
    const std::lock_guard lock(mutex_);
    listings_ = std::move(listings);
    listing_page_size_ = page_size;
}

Result<ProductPage> MemoryStore::FetchProducts(const ProductPageRequest& request) {
    const std::lock_guard lock(mutex_);
    if (failure_ && failure_->first == request.cursor) {
        return Fail(failure_->second, "injected platform failure");
    }
    const size_t begin = request.cursor.empty() ? 0 : std::stoul(request.cursor);
    const size_t end = std::min(listings_.size(), begin + static_cast<size_t>(listing_page_size_));
    ProductPage page;
    page.listings.assign(listings_.begin() + static_cast<std::ptrdiff_t>(begin),
                         listings_.begin() + static_cast<std::ptrdiff_t>(end));
    if (end < listings_.size()) {
        page.next_cursor = std::to_string(end);
    }
    return page;
}

void SyncTest::SetUp() {
    env_ = OutboxTestEnv::Create(GetParam());
    if (!env_) {
        GTEST_SKIP();
    }
    state_ = std::make_unique<SqliteStateStore>(env_->Queues().SqliteDatabase()->Executor(),
                                                env_->Clock());
    fetch_queue_ = env_->Queues().Open(TestQueues::UniqueQueueName(true));
    fetch_orders_ = std::make_unique<RecordingQueue>(*fetch_queue_);
    auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}});
    ASSERT_TRUE(box);
    secrets_ = std::make_unique<SecretBox>(std::move(*box));
    registry_ = std::make_unique<ConnectorRegistry>(BuiltinCatalogue());
    registry_->Add("shopify", [store = platform_](const ConnectorDeps&) {
        return std::make_unique<MemoryConnector>(store);
    });
    sync_metrics_ = std::make_unique<SyncMetrics>(metrics_);
    options_.batch_sizes = {{"orders", 3}, {"products", 3}};
    options_.freeze_times = {{"orders", std::chrono::minutes(2)},
                             {"products", std::chrono::minutes(5)}};
    options_.overlap = std::chrono::minutes(5);
    options_.lease_ttl = std::chrono::minutes(1);
    service_ = std::make_unique<SyncService>(SyncServiceDeps{
        env_->Executor(), *state_, *fetch_orders_, env_->Clock(), options_, fetch_orders_.get()});
    job_ = std::make_unique<SyncJob>(SyncJobDeps{env_->Executor(),
                                                 env_->Db().Connections(),
                                                 *state_,
                                                 *registry_,
                                                 *secrets_,
                                                 nullptr,
                                                 env_->Clock(),
                                                 *sync_metrics_,
                                                 options_,
                                                 [this] {
                                                     ++notified_;
                                                 }});
    products_job_ = std::make_unique<SyncJob>(SyncJobDeps{env_->Executor(),
                                                          env_->Db().Connections(),
                                                          *state_,
                                                          *registry_,
                                                          *secrets_,
                                                          nullptr,
                                                          env_->Clock(),
                                                          *sync_metrics_,
                                                          options_,
                                                          {},
                                                          "products"});
    Connection connection;
    connection.seller_id = "s1";
    connection.platform = "shopify";
    connection.name = "shop";
    connection.store_id = UniqueName("shop") + ".myshopify.com";
    connection.created_at = connection.updated_at = env_->Clock().Now();
    auto created = env_->Db().Connections().Create(connection);
    ASSERT_TRUE(created) << created.error().message;
    auto sealed = SealCredentials(*secrets_, *created, {{"access_token", "good"}});
    ASSERT_TRUE(sealed);
    created->credentials = *sealed;
    created->credential_fields = {"access_token"};
    auto updated = env_->Db().Connections().Update(*created);
    ASSERT_TRUE(updated) << updated.error().message;
    connection_ = *updated;
}

void SyncTest::TearDown() {
    products_job_.reset();
    job_.reset();
    service_.reset();
    fetch_orders_.reset();
    fetch_queue_.reset();
    state_.reset();
    env_.reset();
}

SyncRun SyncTest::Trigger(std::optional<TimePoint> from) {
    auto triggered =
        service_->Trigger(connection_, SyncRequest{"orders", from, SyncTrigger::kManual});
    if (!triggered) {
        ADD_FAILURE() << "trigger refused: " << triggered.error().message;
        return SyncRun{};
    }
    return triggered->run;
}

SyncRun SyncTest::TriggerProducts() {
    auto triggered =
        service_->Trigger(connection_, SyncRequest{"products", std::nullopt, SyncTrigger::kManual});
    if (!triggered) {
        ADD_FAILURE() << "trigger refused: " << triggered.error().message;
        return SyncRun{};
    }
    return triggered->run;
}

Status SyncTest::RunNextJob(bool stop_requested) {
    auto received =
        fetch_orders_->Receive(1, std::chrono::milliseconds(0), std::chrono::minutes(5));
    if (!received || received->empty()) {
        return Fail(ErrorCode::kNotFound, "no fetch-orders message");
    }
    const ReceivedMessage message = received->front();
    auto job = ParseJob(message.body);
    if (!job) {
        return tl::unexpected(job.error());
    }
    const std::atomic<bool> stop{stop_requested};
    JobContext context("fetch-orders.fifo", message, stop, {});
    SyncJob& runner = job->type == kSyncProductsJobType ? *products_job_ : *job_;
    auto status = runner.Run(*job, context);
    if (status) {
        EXPECT_TRUE(fetch_orders_->Delete(message.receipt));
    } else {
        EXPECT_TRUE(fetch_orders_->RetryLater(message.receipt, std::chrono::milliseconds(0), "x"));
    }
    return status;
}

SyncRun SyncTest::Run(int64_t run_id) {
    auto run = GetSyncRun(env_->Executor(), connection_.id, run_id);
    if (!run) {
        ADD_FAILURE() << run.error().message;
        return SyncRun{};
    }
    return *run;
}

std::optional<LeaseInfo> SyncTest::Lease() {
    auto lease = state_->GetLease(SyncLeaseKey(connection_.id, "orders"));
    EXPECT_TRUE(lease);
    return lease ? *lease : std::nullopt;
}

int64_t SyncTest::MetricOr0(const std::string& series) const {
    return static_cast<int64_t>(MetricValue(metrics_, series).value_or(0));
}

}  // namespace scs::testing
