#include "sandbox/shopify/graphql_schema.hpp"

#include <initializer_list>

namespace scs::sandbox {
namespace {

using Args = std::initializer_list<std::string>;

SchemaField F(std::string name, std::string type, Args args = {}) {
    return {std::move(name), std::move(type), std::vector<std::string>(args)};
}

// Scalar fields all of type `type`.
std::vector<SchemaField> Leaves(std::initializer_list<std::string> names,
                                const std::string& type = "String") {
    std::vector<SchemaField> fields;
    for (const auto& name : names) {
        fields.push_back(F(name, type));
    }
    return fields;
}

class SchemaBuilder {
public:
    SchemaBuilder& Object(const std::string& name,
                          std::vector<SchemaField> fields,
                          std::vector<SchemaField> more = {}) {
        fields.insert(fields.end(), more.begin(), more.end());
        schema_.types[name] = SchemaType{name, std::move(fields), {}};
        return *this;
    }

    SchemaBuilder& Union(const std::string& name,
                         std::vector<std::string> possible,
                         std::vector<SchemaField> fields = {}) {
        schema_.types[name] = SchemaType{name, std::move(fields), std::move(possible)};
        return *this;
    }

    // <Node>Connection { nodes edges pageInfo } and <Node>Edge { cursor node }.
    SchemaBuilder& Connection(const std::string& node) {
        Object(node + "Connection",
               {F("nodes", node), F("edges", node + "Edge"), F("pageInfo", "PageInfo")});
        return Object(node + "Edge", {F("cursor", "String"), F("node", node)});
    }

    GraphqlSchema Build() { return std::move(schema_); }

private:
    GraphqlSchema schema_;
};

void AddRoots(SchemaBuilder& schema) {
    schema.Object(
        "QueryRoot",
        {F("shop", "Shop"),
         F("order", "Order", {"id!"}),
         F("orders", "OrderConnection", {"first", "after", "query", "sortKey", "reverse"}),
         F("node", "Node", {"id!"}),
         F("nodes", "Node", {"ids!"}),
         F("job", "Job", {"id!"}),
         F("locations", "LocationConnection", {"first"}),
         F("productVariants", "ProductVariantConnection", {"first", "after", "sortKey"}),
         F("webhookSubscriptions", "WebhookSubscriptionConnection", {"first", "after"})});
    schema.Object(
        "Mutation",
        {F("webhookSubscriptionCreate",
           "WebhookSubscriptionCreatePayload",
           {"topic!", "webhookSubscription!"}),
         F("webhookSubscriptionUpdate",
           "WebhookSubscriptionUpdatePayload",
           {"id!", "webhookSubscription!"}),
         F("webhookSubscriptionDelete", "WebhookSubscriptionDeletePayload", {"id!"}),
         F("inventorySetQuantities", "InventorySetQuantitiesPayload", {"input!"}),
         F("fulfillmentCreate", "FulfillmentCreatePayload", {"fulfillment!"}),
         F("orderCancel",
           "OrderCancelPayload",
           {"orderId!", "reason!", "restock!", "notifyCustomer", "refundMethod", "staffNote"}),
         F("orderClose", "OrderClosePayload", {"input!"})});
}

void AddOrder(SchemaBuilder& schema) {
    schema.Object("Order",
                  Leaves({"id",
                          "legacyResourceId",
                          "name",
                          "email",
                          "phone",
                          "note",
                          "tags",
                          "createdAt",
                          "updatedAt",
                          "processedAt",
                          "cancelledAt",
                          "closed",
                          "closedAt",
                          "cancelReason",
                          "displayFinancialStatus",
                          "displayFulfillmentStatus",
                          "currencyCode",
                          "presentmentCurrencyCode",
                          "taxesIncluded",
                          "test",
                          "paymentGatewayNames"}),
                  {F("subtotalPriceSet", "MoneyBag"),
                   F("totalDiscountsSet", "MoneyBag"),
                   F("totalShippingPriceSet", "MoneyBag"),
                   F("totalTaxSet", "MoneyBag"),
                   F("totalPriceSet", "MoneyBag"),
                   F("currentTotalPriceSet", "MoneyBag"),
                   F("totalOutstandingSet", "MoneyBag"),
                   F("customer", "Customer"),
                   F("shippingAddress", "MailingAddress"),
                   F("billingAddress", "MailingAddress"),
                   F("shippingLine", "ShippingLine"),
                   F("retailLocation", "Location"),
                   F("fulfillments", "Fulfillment", {"first"}),
                   F("lineItems", "LineItemConnection", {"first", "after"}),
                   F("fulfillmentOrders", "FulfillmentOrderConnection", {"first"})});
    schema.Connection("Order").Connection("LineItem");
    schema.Object("MoneyBag", {F("shopMoney", "MoneyV2"), F("presentmentMoney", "MoneyV2")});
    schema.Object("MoneyV2", Leaves({"amount", "currencyCode"}));
    schema.Object("Customer", Leaves({"id", "firstName", "lastName", "email"}));
    schema.Object("MailingAddress",
                  Leaves({"name",
                          "firstName",
                          "lastName",
                          "company",
                          "phone",
                          "address1",
                          "address2",
                          "city",
                          "province",
                          "provinceCode",
                          "zip",
                          "country",
                          "countryCodeV2",
                          "latitude",
                          "longitude"}));
    schema.Object("ShippingLine", Leaves({"title"}));
    schema.Object("LineItem",
                  Leaves({"id",
                          "sku",
                          "name",
                          "title",
                          "variantTitle",
                          "vendor",
                          "quantity",
                          "currentQuantity"}),
                  {F("product", "Product"),
                   F("variant", "ProductVariant"),
                   F("originalUnitPriceSet", "MoneyBag"),
                   F("totalDiscountSet", "MoneyBag"),
                   F("taxLines", "TaxLine")});
    schema.Object("TaxLine", Leaves({"rate", "title"}), {F("priceSet", "MoneyBag")});
}

void AddFulfilment(SchemaBuilder& schema) {
    schema.Object(
        "Fulfillment",
        Leaves({"id", "status", "createdAt"}),
        {F("trackingInfo", "FulfillmentTrackingInfo", {"first"}), F("location", "Location")});
    schema.Object("FulfillmentTrackingInfo", Leaves({"number", "company", "url"}));
    schema.Object("FulfillmentOrder",
                  Leaves({"id", "status"}),
                  {F("assignedLocation", "FulfillmentOrderAssignedLocation"),
                   F("lineItems", "FulfillmentOrderLineItemConnection", {"first"})});
    schema.Connection("FulfillmentOrder").Connection("FulfillmentOrderLineItem");
    schema.Object("FulfillmentOrderAssignedLocation", {F("location", "Location")});
    schema.Object("FulfillmentOrderLineItem",
                  Leaves({"id", "sku", "remainingQuantity", "totalQuantity"}),
                  {F("lineItem", "LineItem")});
    schema.Object("FulfillmentCreatePayload",
                  {F("fulfillment", "Fulfillment"), F("userErrors", "UserError")});
    schema.Object("OrderCancelPayload",
                  {F("job", "Job"), F("orderCancelUserErrors", "OrderCancelUserError")});
    schema.Object("OrderCancelUserError", Leaves({"code", "field", "message"}));
    schema.Object("OrderClosePayload", {F("order", "Order"), F("userErrors", "UserError")});
    schema.Object("Job", Leaves({"id", "done"}));
    schema.Object("UserError", Leaves({"field", "message"}));
}

void AddCatalogue(SchemaBuilder& schema) {
    schema.Object(
        "Shop",
        Leaves({"id", "name", "myshopifyDomain", "email", "currencyCode", "ianaTimezone"}),
        {F("primaryDomain", "Domain")});
    schema.Object("Domain", Leaves({"host"}));
    schema.Object("Location", Leaves({"id", "legacyResourceId", "name", "isActive"}));
    schema.Connection("Location").Connection("ProductVariant").Connection("InventoryLevel");
    schema.Object("Product", Leaves({"id", "title"}));
    schema.Object("ProductVariant",
                  Leaves({"id", "legacyResourceId", "title", "sku"}),
                  {F("product", "Product"), F("inventoryItem", "InventoryItem")});
    schema.Object("InventoryItem",
                  Leaves({"id", "sku", "tracked"}),
                  {F("variant", "ProductVariant"),
                   F("inventoryLevels", "InventoryLevelConnection", {"first"})});
    schema.Object("InventoryLevel",
                  Leaves({"id", "updatedAt"}),
                  {F("location", "Location"), F("quantities", "InventoryQuantity", {"names!"})});
    schema.Object("InventoryQuantity", Leaves({"name", "quantity"}));
    schema.Object("InventorySetQuantitiesPayload",
                  {F("inventoryAdjustmentGroup", "InventoryAdjustmentGroup"),
                   F("userErrors", "InventorySetQuantitiesUserError")});
    schema.Object("InventorySetQuantitiesUserError", Leaves({"code", "field", "message"}));
    schema.Object("InventoryAdjustmentGroup",
                  Leaves({"id", "createdAt", "reason", "referenceDocumentUri"}),
                  {F("changes", "InventoryChange")});
    schema.Object("InventoryChange",
                  Leaves({"name", "delta", "quantityAfterChange"}),
                  {F("item", "InventoryItem"), F("location", "Location")});
    schema.Union("Node", {"Order", "InventoryItem"}, {F("id", "ID")});
}

void AddWebhooks(SchemaBuilder& schema) {
    schema.Object("WebhookSubscription",
                  Leaves({"id",
                          "topic",
                          "uri",
                          "callbackUrl",
                          "format",
                          "createdAt",
                          "updatedAt",
                          "includeFields",
                          "metafieldNamespaces"}),
                  {F("apiVersion", "ApiVersion"), F("endpoint", "WebhookSubscriptionEndpoint")});
    schema.Connection("WebhookSubscription");
    schema.Object("ApiVersion", Leaves({"handle"}));
    schema.Union("WebhookSubscriptionEndpoint",
                 {"WebhookHttpEndpoint", "WebhookEventBridgeEndpoint", "WebhookPubSubEndpoint"});
    schema.Object("WebhookHttpEndpoint", Leaves({"callbackUrl"}));
    schema.Object("WebhookEventBridgeEndpoint", Leaves({"arn"}));
    schema.Object("WebhookPubSubEndpoint", Leaves({"pubSubProject", "pubSubTopic"}));
    for (const std::string verb : {"Create", "Update"}) {
        schema.Object(
            "WebhookSubscription" + verb + "Payload",
            {F("webhookSubscription", "WebhookSubscription"), F("userErrors", "UserError")});
    }
    schema.Object("WebhookSubscriptionDeletePayload",
                  {F("deletedWebhookSubscriptionId", "ID"), F("userErrors", "UserError")});
    schema.Object("PageInfo",
                  Leaves({"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"}));
}

GraphqlSchema BuildSchema() {
    SchemaBuilder schema;
    AddRoots(schema);
    AddOrder(schema);
    AddFulfilment(schema);
    AddCatalogue(schema);
    AddWebhooks(schema);
    return schema.Build();
}

}  // namespace

const SchemaType* GraphqlSchema::Find(std::string_view name) const {
    const auto found = types.find(name);
    return found == types.end() ? nullptr : &found->second;
}

const GraphqlSchema& ShopifyAdminSchema() {
    static const GraphqlSchema kSchema = BuildSchema();
    return kSchema;
}

}  // namespace scs::sandbox
