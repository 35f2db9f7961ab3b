// The connector contract (DESIGN §8): every connector, against its own sandbox over loopback,
// pages without losing or repeating orders, answers an empty store with one empty page, waits
// out a 429 for its Retry-After, gives up on persistent throttling with kRateLimited and a
// retry_after, and maps 5xx, timeouts, malformed bodies and refused credentials to the error
// codes of connectors/connector.hpp; sets stock with compare-and-set, fulfils once (a retry finds
// its own fulfilment), closes and cancels orders; and the webhooks its emulator signs verify
// with the platform's own rules (PlatformWebhooks) and mean the order they carry. Then Shopify's
// expiring tokens: refreshed, or refused.
#include <chrono>
#include <cmath>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/shopify_connector.hpp"
#include "contract_platform.hpp"
#include "core/time.hpp"
#include "support/memory_vault.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;

class ConnectorContractTest : public ::testing::TestWithParam<ContractCase> {
protected:
    void Open(int orders,
              ContractBudget budget = ContractBudget::kAmple,
              const ContractOptions& options = {}) {
        platform_->CreateStore(orders, budget);
        connector_ = platform_->MakeConnector(options, recorder_);
        session_ = platform_->MakeSession();
    }

    Result<OrderPage> Fetch(const std::string& cursor = {}) {
        OrderPageRequest request;
        request.cursor = cursor;
        request.page_size = 50;
        request.mapping.connection_id = session_.connection.id;
        return connector_->FetchOrders(session_, request);
    }

    // The Retry-After headers of the 429s the connector received, in milliseconds.
    std::vector<int64_t> RetryAftersMs() const {
        std::vector<int64_t> waits;
        for (const RecordedAnswer& answer : recorder_.Answers()) {
            if (answer.status == 429 && !answer.retry_after.empty()) {
                waits.push_back(std::llround(std::stod(answer.retry_after) * 1000.0));
            }
        }
        return waits;
    }

    SandboxFixture sandbox_;
    std::unique_ptr<ContractPlatform> platform_ = GetParam().make(sandbox_);
    ContractRecorder recorder_;
    ConnectorPtr connector_;
    ConnectorSession session_;
};

TEST_P(ConnectorContractTest, PagesThroughEveryOrderExactlyOnce) {
    constexpr int kOrders = 130;
    Open(kOrders);
    std::map<std::string, int> seen;
    std::string cursor;
    int pages = 0;
    do {
        auto page = Fetch(cursor);
        ASSERT_TRUE(page) << "page " << pages << ": " << page.error().message;
        EXPECT_LE(page->orders.size(), 50U);
        for (const FetchedOrder& fetched : page->orders) {
            ASSERT_TRUE(fetched.order)
                << fetched.external_id << ": " << fetched.order.error().message;
            EXPECT_EQ(fetched.order->external_id, fetched.external_id);
            ++seen[fetched.external_id];
        }
        EXPECT_NE(page->next_cursor, cursor);
        cursor = page->next_cursor;
    } while (!cursor.empty() && ++pages < 20);
    EXPECT_TRUE(cursor.empty()) << "still paging after 20 pages";
    EXPECT_GE(pages + 1, 3);  // 130 orders do not fit in two pages of 50
    EXPECT_EQ(seen.size(), static_cast<size_t>(kOrders));
    for (const auto& [id, count] : seen) {
        EXPECT_EQ(count, 1) << "order " << id;
    }
    EXPECT_TRUE(recorder_.Sleeps().empty()) << "an ample budget needs no waiting";
}

TEST_P(ConnectorContractTest, EmptyStoreIsOneEmptyPage) {
    Open(0);
    auto page = Fetch();
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_TRUE(page->orders.empty());
    EXPECT_TRUE(page->next_cursor.empty());
}

TEST_P(ConnectorContractTest, WaitsOutA429ForItsRetryAfter) {
    Open(30, ContractBudget::kThrottled);
    platform_->ThrottleOnce();
    const auto started = std::chrono::steady_clock::now();
    auto page = Fetch();
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_FALSE(page->orders.empty());
    const auto retry_afters = RetryAftersMs();
    ASSERT_FALSE(retry_afters.empty()) << "the connector never saw a 429 with Retry-After";
    EXPECT_GT(retry_afters.front(), 0);
    const auto sleeps = recorder_.Sleeps();
    ASSERT_FALSE(sleeps.empty());
    EXPECT_GE(sleeps.front().count(), retry_afters.front());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST_P(ConnectorContractTest, PersistentThrottlingIsRateLimitedWithRetryAfter) {
    ContractOptions options;
    options.max_wait = milliseconds(100);  // below any Retry-After the throttled store sends
    Open(30, ContractBudget::kThrottled, options);
    platform_->ThrottlePersistently();
    const auto started = std::chrono::steady_clock::now();
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kRateLimited) << page.error().message;
    ASSERT_TRUE(page.error().retry_after.has_value());
    const auto retry_afters = RetryAftersMs();
    ASSERT_FALSE(retry_afters.empty()) << "the connector never saw a 429 with Retry-After";
    // What the caller is told to wait covers what the store last asked for.
    EXPECT_GE(page.error().retry_after->count() * 1000, retry_afters.back());
    milliseconds waited{0};
    for (const milliseconds sleep : recorder_.Sleeps()) {
        waited += sleep;
    }
    EXPECT_LE(waited, options.max_wait);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_P(ConnectorContractTest, ServerErrorsAreUnavailable) {
    Open(3);
    platform_->FailWithServerErrors();
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kUnavailable) << page.error().message;
}

TEST_P(ConnectorContractTest, AnswersSlowerThanTheRequestTimeoutAreTimeouts) {
    constexpr milliseconds kLatency{1500};
    ContractOptions options;
    options.request_timeout = milliseconds(300);
    Open(3, ContractBudget::kAmple, options);
    platform_->DelayAnswers(kLatency);
    const auto started = std::chrono::steady_clock::now();
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kTimeout) << page.error().message;
    EXPECT_LT(std::chrono::steady_clock::now() - started, kLatency);
}

TEST_P(ConnectorContractTest, MalformedBodiesAreInvalidPayload) {
    Open(3);
    platform_->CutAnswersShort();
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kInvalidPayload) << page.error().message;
}

TEST_P(ConnectorContractTest, RefusedCredentialsAreInvalidCredentials) {
    Open(3);
    ASSERT_TRUE(connector_->VerifyCredentials(session_.connection, session_.credentials));
    platform_->BreakCredentials(session_);
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kInvalidCredentials) << page.error().message;
    auto verified = connector_->VerifyCredentials(session_.connection, session_.credentials);
    ASSERT_FALSE(verified);
    EXPECT_EQ(verified.error().code, ErrorCode::kInvalidCredentials) << verified.error().message;
}

TEST_P(ConnectorContractTest, SetsStockWithCompareAndSet) {
    Open(0);
    ProductPageRequest request;
    request.page_size = 10;
    auto page = connector_->FetchProducts(session_, request);
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_FALSE(page->listings.empty());
    ASSERT_FALSE(page->listings[0].inventory_item_id.empty());
    const std::string location = platform_->StockLocation();
    const InventoryKey key{page->listings[0].inventory_item_id, location};
    const InventoryKey unknown{"999999", location};
    auto before = connector_->ReadInventoryLevels(session_, {key, unknown});
    ASSERT_TRUE(before) << before.error().message;
    ASSERT_TRUE(before->at(key).available.has_value());
    EXPECT_FALSE(before->at(unknown).item_exists);
    const int64_t current = *before->at(key).available;

    InventorySetBatch batch{"contract-stock-1", "correction", {{key, current + 5, current}}};
    auto applied = connector_->SetInventory(session_, batch);
    ASSERT_TRUE(applied) << applied.error().message;
    ASSERT_EQ(applied->size(), 1U);
    EXPECT_EQ(applied->at(0).outcome, InventorySetOutcome::kApplied) << applied->at(0).message;
    // The same comparison again is stale now: nothing is written.
    batch.idempotency_key = "contract-stock-2";
    auto stale = connector_->SetInventory(session_, batch);
    ASSERT_TRUE(stale) << stale.error().message;
    EXPECT_EQ(stale->at(0).outcome, InventorySetOutcome::kStale);
    auto after = connector_->ReadInventoryLevels(session_, {key});
    ASSERT_TRUE(after) << after.error().message;
    EXPECT_EQ(after->at(key).available, current + 5);
}

TEST_P(ConnectorContractTest, FulfilsOnceAndFindsItsOwnFulfilmentOnRetry) {
    Open(0);
    const ContractOrder order = platform_->NewOpenOrder();
    ASSERT_FALSE(order.external_id.empty());
    FulfillmentRequest request{order.external_id, "TRK-C1", "Aramex", "", {order.line}, false};
    auto created = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_FALSE(created->already_existed);
    // A retry after a crash finds its own fulfilment instead of shipping twice.
    auto again = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->already_existed);
    EXPECT_EQ(again->fulfillment_id, created->fulfillment_id);
    request.order_external_id = "424242";
    request.tracking_number = "TRK-C2";
    auto unknown = connector_->CreateFulfillment(session_, request);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound) << unknown.error().message;
}

TEST_P(ConnectorContractTest, ClosesAndCancelsOrdersOnce) {
    Open(0);
    OrderStatusRequest close{platform_->NewOpenOrder().external_id,
                             OrderStatusChange::kClose,
                             "",
                             true,
                             false,
                             false,
                             ""};
    auto closed = connector_->ChangeOrderStatus(session_, close);
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_TRUE(closed->done);
    EXPECT_FALSE(closed->already);
    auto closed_again = connector_->ChangeOrderStatus(session_, close);
    ASSERT_TRUE(closed_again) << closed_again.error().message;
    EXPECT_TRUE(closed_again->already);

    OrderStatusRequest cancel{platform_->NewOpenOrder().external_id,
                              OrderStatusChange::kCancel,
                              "customer",
                              true,
                              false,
                              false,
                              ""};
    auto cancelled = connector_->ChangeOrderStatus(session_, cancel);
    // A platform that cancels asynchronously names its job; the next attempt (a job retry, a
    // moment later) waits for it.
    for (int attempt = 0; attempt < 20 && cancelled && !cancelled->done; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancel.pending_job_id = cancelled->pending_job;
        cancelled = connector_->ChangeOrderStatus(session_, cancel);
    }
    ASSERT_TRUE(cancelled) << cancelled.error().message;
    EXPECT_TRUE(cancelled->done);
    cancel.pending_job_id.clear();
    auto cancelled_again = connector_->ChangeOrderStatus(session_, cancel);
    ASSERT_TRUE(cancelled_again) << cancelled_again.error().message;
    EXPECT_TRUE(cancelled_again->already);
    cancel.order_external_id = "424242";
    auto unknown = connector_->ChangeOrderStatus(session_, cancel);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound) << unknown.error().message;
}

// What the emulator signs, the platform's rules verify with the connection's credentials (and
// nothing else: a changed body or missing credentials fail), and the delivery names the store
// and means the order it carries.
TEST_P(ConnectorContractTest, ItsEmulatorsWebhooksVerifyAndCarryTheOrder) {
    Open(0);
    WebhookReceiver receiver;
    MemoryVault vault;
    vault.stored = session_.credentials;
    session_.vault = &vault;
    ASSERT_TRUE(connector_->SubscribeWebhooks(session_, receiver.Url()));
    const ContractOrder order = platform_->NewOpenOrder();
    const auto webhooks = platform_->MakeWebhooks();
    OrderMappingContext mapping;
    mapping.seller_id = "seller-contract";
    mapping.connection_id = session_.connection.id;
    bool carried = false;
    size_t seen = 0;
    while (!carried) {
        const auto all = receiver.WaitFor(seen + 1, std::chrono::seconds(10));
        if (all.size() <= seen) {
            break;  // nothing more arrived
        }
        for (size_t at = std::exchange(seen, all.size()); at < all.size(); ++at) {
            const ReceivedWebhook& received = all[at];
            const HeaderList headers(received.headers.begin(), received.headers.end());
            auto delivery = webhooks->Identify(headers, received.body);
            ASSERT_TRUE(delivery) << delivery.error().message;
            if (delivery->ping) {
                continue;  // a platform's unsigned test delivery on subscribing
            }
            EXPECT_EQ(delivery->store_id, session_.connection.store_id);
            EXPECT_FALSE(delivery->dedup_key.empty());
            EXPECT_TRUE(webhooks->Verify(headers, received.body, session_.credentials))
                << delivery->topic;
            EXPECT_FALSE(webhooks->Verify(headers, received.body + " ", session_.credentials));
            EXPECT_FALSE(webhooks->Verify(headers, received.body, Credentials{}));
            auto action =
                webhooks->Interpret(StoredDelivery{delivery->topic, received.body}, mapping);
            ASSERT_TRUE(action) << action.error().message;
            carried = carried || (action->kind == WebhookAction::Kind::kOrder && action->order &&
                                  action->order->external_id == order.external_id);
        }
    }
    EXPECT_TRUE(carried) << "no delivery carried order " << order.external_id;
}

INSTANTIATE_TEST_SUITE_P(Platforms,
                         ConnectorContractTest,
                         ::testing::ValuesIn(ContractPlatforms()),
                         [](const auto& test_info) { return test_info.param.name; });

// Shopify's expiring offline tokens, the platform half of the credentials contract: an expired
// access token is refreshed when the connection holds a refresh token, else refused.
class ShopifyExpiredTokenContractTest : public ::testing::Test {
protected:
    ShopifyExpiredTokenContractTest() {
        store_ = sandbox_.CreateStore(
            {{"shop", kShop}, {"client_id", kClientId}, {"client_secret", kClientSecret}});
        ConnectorDeps deps;
        deps.base_url = "http://127.0.0.1:" + std::to_string(sandbox_.Port()) + "/shopify/{shop}";
        deps.settings = {{"client_id", kClientId}, {"client_secret", kClientSecret}};
        deps.http = recorder_.HttpClientHook();
        deps.sleep = recorder_.SleepHook(false);
        connector_ = MakeShopifyConnector(deps);
        session_.connection.id = 7;
        session_.connection.platform = "shopify";
        session_.connection.store_id = kShop;
        session_.credentials = GrantExpiringToken();
        vault_.stored = session_.credentials;
    }

    // The app's install: authorize, then the code exchanged for an expiring token pair.
    Credentials GrantExpiringToken() const {
        const std::string base = std::string("/shopify/") + kShop + "/admin/oauth";
        const auto authorized =
            sandbox_.Call("GET",
                          base + "/authorize?client_id=" + kClientId +
                              "&scope=read_orders&redirect_uri=http%3A%2F%2Fapp.test%2Fcb&state=s");
        const auto code = QueryParams(std::string(authorized.raw.Header("Location").value_or("")));
        const boost::json::object exchange{{"client_id", kClientId},
                                           {"client_secret", kClientSecret},
                                           {"code", code.count("code") ? code.at("code") : ""},
                                           {"expiring", "1"}};
        const auto token =
            sandbox_.Call("POST", base + "/access_token", boost::json::serialize(exchange));
        EXPECT_EQ(token.status, 200) << token.raw.body;
        if (token.status != 200) {
            return {};
        }
        const auto expires_in = token.body.at("expires_in").to_number<int64_t>();
        return {{"access_token", std::string(token.body.at("access_token").as_string())},
                {"refresh_token", std::string(token.body.at("refresh_token").as_string())},
                {"expires_at",
                 FormatRfc3339(SystemTimeSource().Now() + std::chrono::seconds(expires_in))}};
    }

    Result<OrderPage> Fetch() {
        OrderPageRequest request;
        request.mapping.connection_id = session_.connection.id;
        return connector_->FetchOrders(session_, request);
    }

    void ExpireTokens() {
        EXPECT_EQ(sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/tokens/expire").status,
                  200);
    }

    static constexpr const char* kShop = "expiring.myshopify.com";
    static constexpr const char* kClientId = "contract-client";
    static constexpr const char* kClientSecret = "contract-client-secret";

    SandboxFixture sandbox_;
    std::string store_;
    ContractRecorder recorder_;
    ConnectorPtr connector_;
    ConnectorSession session_;
    MemoryVault vault_;
};

TEST_F(ShopifyExpiredTokenContractTest, ExpiredTokenIsRefreshedWithTheRefreshToken) {
    const std::string expired = session_.credentials["access_token"];
    ASSERT_FALSE(expired.empty());
    session_.vault = &vault_;
    ExpireTokens();
    auto page = Fetch();
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(vault_.saves, 1);
    EXPECT_NE(session_.credentials["access_token"], expired);
    EXPECT_EQ(vault_.stored["access_token"], session_.credentials["access_token"]);
    auto again = Fetch();  // the rotated token is used as it is
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(vault_.saves, 1);
}

TEST_F(ShopifyExpiredTokenContractTest, ExpiredTokenThatCannotBeRefreshedIsInvalidCredentials) {
    ASSERT_FALSE(session_.credentials["access_token"].empty());
    ExpireTokens();
    session_.credentials.erase("refresh_token");  // e.g. a connection made before expiring tokens
    session_.vault = &vault_;
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kInvalidCredentials) << page.error().message;
    EXPECT_EQ(vault_.saves, 0);
}

TEST_F(ShopifyExpiredTokenContractTest, ExpiredTokenWithASpentRefreshTokenIsInvalidCredentials) {
    // Another installation rotated the pair: the refresh token this connection holds is spent.
    const Credentials spent = session_.credentials;
    session_.credentials = GrantExpiringToken();
    session_.credentials = spent;
    vault_.stored = spent;
    session_.vault = &vault_;
    ExpireTokens();
    auto page = Fetch();
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kInvalidCredentials) << page.error().message;
    EXPECT_EQ(vault_.saves, 0);
}

}  // namespace
}  // namespace scs::testing
