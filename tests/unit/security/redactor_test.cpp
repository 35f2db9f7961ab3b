#include "security/redactor.hpp"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(Redactor, ReplacesRegisteredValues) {
    Redactor redactor;
    redactor.AddSecret("shpat_0123456789");
    redactor.AddSecret("ck_secretkey");
    EXPECT_EQ(redactor.Redact("token shpat_0123456789 and ck_secretkey, twice shpat_0123456789"),
              "token [REDACTED] and [REDACTED], twice [REDACTED]");
    EXPECT_EQ(redactor.Redact("nothing here"), "nothing here");
    EXPECT_EQ(redactor.Redact("shpat_0123456789"), "[REDACTED]");
    EXPECT_EQ(redactor.Redact(""), "");
}

TEST(Redactor, WithoutSecretsReturnsTextUnchanged) {
    const Redactor redactor;
    EXPECT_EQ(redactor.Redact("plain text"), "plain text");
}

TEST(Redactor, IgnoresShortValues) {
    Redactor redactor;
    redactor.AddSecret("12345");
    redactor.AddSecret("");
    EXPECT_EQ(redactor.Redact("order 12345 shipped"), "order 12345 shipped");
    redactor.AddSecret("123456");
    EXPECT_EQ(redactor.Redact("order 123456 shipped"), "order [REDACTED] shipped");
}

TEST(Redactor, LongestSecretWinsWhenTheyShareAPrefix) {
    Redactor redactor;
    redactor.AddSecret("secret");
    redactor.AddSecret("secret-and-more");
    redactor.AddSecret("secret");  // registering twice is harmless
    EXPECT_EQ(redactor.Redact("a secret-and-more b secret c"), "a [REDACTED] b [REDACTED] c");
}

TEST(Redactor, HandlesUtf8AndPartialMatches) {
    Redactor redactor;
    redactor.AddSecret("كلمة-سر");
    EXPECT_EQ(redactor.Redact("قيمة كلمة-سر هنا"), "قيمة [REDACTED] هنا");
    EXPECT_EQ(redactor.Redact("كلمة-س"), "كلمة-س");
}

TEST(Redactor, IsSafeToUseFromManyThreads) {
    Redactor redactor;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&redactor, t] {
            for (int i = 0; i < 200; ++i) {
                redactor.AddSecret("secret-" + std::to_string(t) + "-" + std::to_string(i));
                EXPECT_EQ(redactor.Redact("x secret-" + std::to_string(t) + "-0 y"),
                          "x [REDACTED] y");
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
}

TEST(IsSecretName, RecognisesSecretWords) {
    for (const std::string_view name : {"token",
                                        "secret",
                                        "password",
                                        "passwd",
                                        "authorization",
                                        "api_key",
                                        "apikey",
                                        "key",
                                        "cookie",
                                        "signature",
                                        "hmac",
                                        "credential",
                                        "credentials",
                                        "access_token",
                                        "refresh_token",
                                        "client_secret",
                                        "consumer_secret"}) {
        EXPECT_TRUE(Redactor::IsSecretName(name)) << name;
    }
}

TEST(IsSecretName, IsCaseInsensitiveAndMatchesSuffixes) {
    for (const std::string_view name : {"Authorization",
                                        "PASSWORD",
                                        "x_shopify_access_token",
                                        "X-Shopify-Access-Token",
                                        "X-WC-Webhook-Signature",
                                        "X-Hub-Signature-256",
                                        "accessToken",
                                        "apiKey",
                                        "Set-Cookie",
                                        "webhook_secret",
                                        "shopify.client_secret",
                                        "x-api-key",
                                        "master_key"}) {
        EXPECT_TRUE(Redactor::IsSecretName(name)) << name;
    }
}

TEST(IsSecretName, LeavesOrdinaryNamesAlone) {
    for (const std::string_view name : {"order_id",
                                        "monkey",
                                        "tokenizer",
                                        "keyboard",
                                        "secretary",
                                        "status",
                                        "shop",
                                        "token_expires_at",
                                        "client_secret_expires_at",
                                        "",
                                        "signed_at"}) {
        EXPECT_FALSE(Redactor::IsSecretName(name)) << name;
    }
}

}  // namespace
}  // namespace scs
