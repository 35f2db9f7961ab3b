#include "connectors/connector.hpp"

namespace scs {
namespace {

tl::unexpected<Error> NotSupported(std::string_view what) {
    return Fail(ErrorCode::kNotImplemented,
                std::string(what) + " is not supported for this platform yet");
}

}  // namespace

Result<ProductPage> Connector::FetchProducts(ConnectorSession& /*session*/,
                                             const ProductPageRequest& /*request*/) {
    return NotSupported("products sync");
}

Result<std::map<InventoryKey, InventoryLevelRead>> Connector::ReadInventoryLevels(
    ConnectorSession& /*session*/, const std::vector<InventoryKey>& /*keys*/) {
    return NotSupported("reading inventory");
}

Result<std::vector<InventorySetResult>> Connector::SetInventory(
    ConnectorSession& /*session*/, const InventorySetBatch& /*batch*/) {
    return NotSupported("inventory push");
}

Result<FulfillmentResult> Connector::CreateFulfillment(ConnectorSession& /*session*/,
                                                       const FulfillmentRequest& /*request*/) {
    return NotSupported("fulfilment push");
}

Result<OrderStatusResult> Connector::ChangeOrderStatus(ConnectorSession& /*session*/,
                                                       const OrderStatusRequest& /*request*/) {
    return NotSupported("order status push");
}

}  // namespace scs
