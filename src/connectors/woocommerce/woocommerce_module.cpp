#include "connectors/woocommerce/woocommerce_module.hpp"

#include "connectors/connector_registry.hpp"
#include "connectors/woocommerce/woocommerce_connector.hpp"
#include "connectors/woocommerce/woocommerce_install.hpp"
#include "connectors/woocommerce/woocommerce_webhooks.hpp"

namespace scs {

PlatformModule WooCommerceModule() {
    PlatformModule module;
    module.tag = "woocommerce";
    module.connector = MakeWooCommerceConnector;
    module.webhooks = [](const ConnectorDeps&) -> std::unique_ptr<PlatformWebhooks> {
        return std::make_unique<WooCommerceWebhooks>();
    };
    module.install = [](const ConnectorDeps& deps) -> std::unique_ptr<InstallFlow> {
        return std::make_unique<WooCommerceInstall>(deps);
    };
    module.store_id = NormalizeSiteUrl;
    module.store_id_is_site_url = true;
    return module;
}

}  // namespace scs
