// Shopify's official @shopify/shopify-api (unmodified) against the Shopify emulator: its
// webhooks.validate accepts the emulator's signed deliveries, and webhooks.register keeps one
// subscription per topic when the callback URL changes (an update, not a duplicate). The library
// reaches the sandbox through its own runtime adapter hook (setAbstractFetchFunc), which it
// provides for exactly this: choosing the fetch it uses.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';

import '@shopify/shopify-api/adapters/node';
import { DeliveryMethod, Session, shopifyApi } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

import { startSandbox } from '../support/sandbox.mjs';
import { adminClient, API_VERSION, sandboxFetch } from './admin_client.mjs';

const SHOP = 'hooks.myshopify.com';
const TOKEN = 'shpat_hooks';
const SECRET = 'whsec_conformance';

let sandbox;
let receiver;
let receiverUrl;
const deliveries = [];

before(async () => {
  sandbox = await startSandbox();
  await sandbox.createStore({ shop: SHOP, access_token: TOKEN, webhook_secret: SECRET, orders: 0 });
  setAbstractFetchFunc(sandboxFetch(sandbox.base));
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      deliveries.push({ request, body });
      response.writeHead(200).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${receiver.address().port}`;
});

after(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()));
});

function api(callbackPath) {
  const shopify = shopifyApi({
    apiKey: 'conformance-key',
    apiSecretKey: SECRET,
    apiVersion: API_VERSION,
    hostName: receiverUrl.replace('http://', ''),
    hostScheme: 'http',
    isEmbeddedApp: false,
    logger: { level: 0 },
  });
  shopify.webhooks.addHandlers({
    ORDERS_CREATE: { deliveryMethod: DeliveryMethod.Http, callbackUrl: callbackPath },
  });
  return shopify;
}

const session = new Session({
  id: 'offline_hooks', shop: SHOP, state: 'state', isOnline: false, accessToken: TOKEN,
});

async function subscriptions() {
  const client = adminClient(sandbox.base, SHOP, TOKEN);
  const { data, errors } = await client.request(
    '{ webhookSubscriptions(first: 50) { nodes { id topic uri } } }');
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data.webhookSubscriptions.nodes;
}

test('webhooks.register replaces the subscription when the callback URL changes', async () => {
  const first = await api('/hooks/one').webhooks.register({ session });
  assert.equal(first.ORDERS_CREATE.length, 1, JSON.stringify(first));
  assert.equal(first.ORDERS_CREATE[0].success, true, JSON.stringify(first));
  assert.equal(first.ORDERS_CREATE[0].operation, 'create');
  const [created] = await subscriptions();
  assert.equal(created.uri, `${receiverUrl}/hooks/one`);

  // The library keys handlers by callback URL: a new URL is a create plus a delete of the old.
  const second = await api('/hooks/two').webhooks.register({ session });
  const operations = second.ORDERS_CREATE.map((result) => result.operation).sort();
  assert.deepEqual(operations, ['create', 'delete'], JSON.stringify(second));
  assert.ok(second.ORDERS_CREATE.every((result) => result.success), JSON.stringify(second));
  const after = await subscriptions();
  assert.equal(after.length, 1, JSON.stringify(after));
  assert.equal(after[0].uri, `${receiverUrl}/hooks/two`);

  // Registering the same handlers again changes nothing.
  const third = await api('/hooks/two').webhooks.register({ session });
  assert.deepEqual(third.ORDERS_CREATE, []);
  assert.equal((await subscriptions()).length, 1);
});

test('webhookSubscriptionUpdate moves a subscription to a new callback URL', async () => {
  const client = adminClient(sandbox.base, SHOP, TOKEN);
  const [existing] = await subscriptions();
  const { data, errors } = await client.request(
    `mutation Move($id: ID!, $uri: String!) {
       webhookSubscriptionUpdate(id: $id, webhookSubscription: {uri: $uri}) {
         webhookSubscription { id uri } userErrors { field message } } }`,
    { variables: { id: existing.id, uri: `${receiverUrl}/hooks/moved` } });
  assert.equal(errors, undefined, JSON.stringify(errors));
  assert.deepEqual(data.webhookSubscriptionUpdate.userErrors, []);
  assert.deepEqual(data.webhookSubscriptionUpdate.webhookSubscription,
    { id: existing.id, uri: `${receiverUrl}/hooks/moved` });
  const after = await subscriptions();
  assert.equal(after.length, 1);
  assert.equal(after[0].uri, `${receiverUrl}/hooks/moved`);
});

test('webhookSubscriptionDelete removes a subscription', async () => {
  const client = adminClient(sandbox.base, SHOP, TOKEN);
  const [existing] = await subscriptions();
  const { data, errors } = await client.request(
    'mutation Drop($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }',
    { variables: { id: existing.id } });
  assert.equal(errors, undefined, JSON.stringify(errors));
  assert.equal(data.webhookSubscriptionDelete.deletedWebhookSubscriptionId, existing.id);
  assert.deepEqual(await subscriptions(), []);
  const again = await client.request(
    'mutation Drop($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }',
    { variables: { id: existing.id } });
  assert.equal(again.data.webhookSubscriptionDelete.userErrors.length, 1);
});

test('webhooks.validate accepts the emulator\'s signed delivery', async () => {
  const shopify = api('/hooks/validate');
  await shopify.webhooks.register({ session });
  const created = await sandbox.control('POST', '/_sandbox/stores/store_1/orders', {});
  assert.equal(created.status, 201);
  for (let i = 0; i < 100 && deliveries.length === 0; ++i) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(deliveries.length > 0, 'no delivery arrived');
  const { request, body } = deliveries[0];
  assert.equal(request.url, '/hooks/validate');
  const check = await shopify.webhooks.validate({ rawBody: body, rawRequest: request });
  assert.equal(check.valid, true, JSON.stringify(check));
  assert.equal(check.topic, 'ORDERS_CREATE');
  assert.equal(check.domain, SHOP);
  assert.equal(check.apiVersion, API_VERSION);

  const tampered = await shopify.webhooks.validate({ rawBody: `${body} `, rawRequest: request });
  assert.equal(tampered.valid, false);
});
