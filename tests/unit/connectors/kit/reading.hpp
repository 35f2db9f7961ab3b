#pragma once

#include <optional>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "connectors/kit/json_reader.hpp"

namespace scs::kit::test_support {

// A JsonReader over `json`, with its own error slot, for the kit's tests.
class Reading {
public:
    Reading(std::string_view json, const JsonDialect& dialect)
        : object_(boost::json::parse(json).as_object()), reader_(object_, "", dialect, error_) {}

    JsonReader& Read() { return reader_; }

    const std::optional<Error>& FirstError() const { return error_; }

private:
    boost::json::object object_;
    std::optional<Error> error_;
    JsonReader reader_;
};

}  // namespace scs::kit::test_support
