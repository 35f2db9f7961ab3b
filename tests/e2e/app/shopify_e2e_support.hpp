#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

// The Shopify slice end to end: the real binary as `scs sandbox` (the Shopify emulator) and as
// `scs all` or `scs serve` + `scs work` (the service), talking over loopback HTTP exactly as
// they would in production. One data directory (SQLite database, in-process queue) per test.
namespace scs::e2e {

inline constexpr const char* kToken = "shopify-e2e-admin-token-0123456789";
inline constexpr const char* kMasterKey = "k1:TU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU0=";
inline constexpr const char* kSeller = "seller-e2e";
inline constexpr const char* kWebhookSecret = "whsec-e2e-0123456789";

// A sandbox store as its control API created it.
struct SandboxStore {
    std::string id;
    std::string shop;
    std::string access_token;
};

class ShopifyE2E {
public:
    ShopifyE2E();

    // `scs sandbox` on its own port (kept running while service processes come and go).
    void StartSandbox();
    // POST /_sandbox/stores: a Plus-plan store (20000-point bucket, 1000 points/s) unless
    // `extra` (raw JSON members, e.g. R"("bucket_size":3000)") says otherwise.
    SandboxStore CreateStore(const std::string& shop,
                             int orders,
                             const std::string& extra = {}) const;
    // PATCH /_sandbox/stores/{id}/knobs.
    void SetKnobs(const SandboxStore& store, const std::string& knobs_json) const;
    // POST /_sandbox/stores/{id}/orders with `body`; returns the stored orders.
    boost::json::value AddOrders(const SandboxStore& store, const std::string& body) const;
    boost::json::value SandboxGet(const std::string& target) const;
    // Any call to the sandbox (JSON body), whatever it answers.
    testing::HttpResult SandboxSend(const std::string& method,
                                    const std::string& target,
                                    const std::string& body = {}) const;

    // Writes the service config (`shopify_yaml` under platforms.shopify, `extra_yaml` appended
    // at the top level) and runs `migrate up`. The default budget is the Plus plan's.
    void Configure(const std::string& extra_yaml = {},
                   const std::string& shopify_yaml =
                       "    rate_bucket_size: 20000\n    rate_restore_per_second: 1000\n");
    std::unique_ptr<testing::ChildProcess> StartService(const std::vector<std::string>& mode);

    // POST /api/v1/sellers/{seller}/sales_channels for the store; returns the connection id.
    int64_t Connect(const SandboxStore& store) const;

    testing::HttpResult Api(const std::string& method,
                            const std::string& target,
                            const std::string& body = {}) const;
    static boost::json::value Json(const testing::HttpResult& result);

    std::string ConnectionPath(int64_t connection_id) const;
    // POST …/syncs {"entity":"orders"}: the response.
    testing::HttpResult TriggerSync(int64_t connection_id, const std::string& from = {}) const;
    // Polls GET …/syncs/{run} until the run is succeeded or failed; the run object.
    boost::json::object WaitForRun(int64_t connection_id,
                                   int64_t run_id,
                                   std::chrono::seconds timeout) const;
    // Every order of the connection through the paged orders API.
    std::vector<boost::json::object> ListOrders(int64_t connection_id) const;
    // Polls the orders API until `pred` holds for the connection's orders; true if it did.
    bool WaitForOrders(int64_t connection_id,
                       const std::function<bool(const std::vector<boost::json::object>&)>& pred,
                       std::chrono::milliseconds timeout) const;
    // Triggers a sync of `entity` and waits for it; the run's final status ("refused" when it
    // could not start). The reconciler starts an orders sync of its own as soon as a connection
    // exists; a trigger refused because that one runs waits for it and asks again.
    std::string SyncEntity(int64_t connection_id, const std::string& entity) const;
    // Waits for the newest run of `entity` to finish (none: returns at once).
    void WaitForNewestRun(int64_t connection_id, const std::string& entity) const;
    // POST with the admin token and, when given, an Idempotency-Key header.
    testing::HttpResult Post(const std::string& path,
                             const std::string& body,
                             const std::string& idempotency_key = {}) const;
    // POST …/inventory {"items": items_json}: the push id (0 when refused).
    int64_t PushInventory(int64_t connection_id, const std::string& items_json) const;
    // Polls GET …/pushes/{id} until the push leaves queued/running; the push object.
    boost::json::object WaitForPush(int64_t connection_id,
                                    int64_t push_id,
                                    std::chrono::seconds timeout = std::chrono::seconds(60)) const;
    // Polls the orders API until the order with `external_id` has canonical `status`.
    bool WaitForOrderStatus(int64_t connection_id,
                            const std::string& external_id,
                            const std::string& status) const;
    // One Prometheus sample's value (0 when absent), e.g.
    // Metric("scs_orders_recovered_by_poll_total{platform=\"shopify\"}").
    double Metric(const std::string& sample) const;

    // The seller the API helpers speak for (kSeller unless set; the demo's is "demo-seller").
    void SetSeller(std::string seller) { seller_ = std::move(seller); }

    int ServicePort() const { return service_port_; }

    int SandboxPort() const { return sandbox_port_; }

    const std::filesystem::path& Dir() const { return dir_.Path(); }

    std::filesystem::path Database() const { return dir_.Path() / "data" / "scs.db"; }

private:
    std::map<std::string, std::string> Env() const;

    testing::TempDir dir_;
    int service_port_ = testing::FreePort();
    int sandbox_port_ = testing::FreePort();
    std::unique_ptr<testing::ChildProcess> sandbox_;
    std::vector<std::string> config_args_;
    std::string seller_ = kSeller;
};

// The external id of an order JSON object of the service.
std::string ExternalId(const boost::json::object& order);

}  // namespace scs::e2e
