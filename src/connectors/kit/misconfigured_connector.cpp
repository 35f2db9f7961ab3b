#include "connectors/kit/misconfigured_connector.hpp"

#include <utility>

namespace scs::kit {
namespace {

class MisconfiguredConnector final : public Connector {
public:
    explicit MisconfiguredConnector(Error error) : error_(std::move(error)) {}

    Status VerifyCredentials(const Connection& /*connection*/,
                             const Credentials& /*credentials*/) override {
        return Refuse();
    }

    Result<OrderPage> FetchOrders(ConnectorSession& /*session*/,
                                  const OrderPageRequest& /*request*/) override {
        return Refuse();
    }

    Status SubscribeWebhooks(ConnectorSession& /*session*/,
                             std::string_view /*callback_url*/) override {
        return Refuse();
    }

    Result<ProductPage> FetchProducts(ConnectorSession& /*session*/,
                                      const ProductPageRequest& /*request*/) override {
        return Refuse();
    }

    Result<std::map<InventoryKey, InventoryLevelRead>> ReadInventoryLevels(
        ConnectorSession& /*session*/, const std::vector<InventoryKey>& /*keys*/) override {
        return Refuse();
    }

    Result<std::vector<InventorySetResult>> SetInventory(
        ConnectorSession& /*session*/, const InventorySetBatch& /*batch*/) override {
        return Refuse();
    }

    Result<FulfillmentResult> CreateFulfillment(ConnectorSession& /*session*/,
                                                const FulfillmentRequest& /*request*/) override {
        return Refuse();
    }

    Result<OrderStatusResult> ChangeOrderStatus(ConnectorSession& /*session*/,
                                                const OrderStatusRequest& /*request*/) override {
        return Refuse();
    }

private:
    tl::unexpected<Error> Refuse() const { return tl::unexpected(error_); }

    Error error_;
};

}  // namespace

ConnectorPtr MakeMisconfiguredConnector(Error error) {
    return std::make_unique<MisconfiguredConnector>(std::move(error));
}

}  // namespace scs::kit
