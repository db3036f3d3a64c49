#pragma once

#include "storeerror.h"

#include <QtGlobal>

#include <utility>
#include <variant>

namespace Mostrador {

// What a read gives: the value, or why there is none. A failed read cannot pass for "nothing"
// (an empty list, a zero): value() is only there when isError() is false, and the result itself
// cannot be dropped.
//
//     const StoreResult<int> waiting = store.unsettled(id);
//     if (waiting.isError())
//         return report(waiting.error());
//     use(*waiting);
template<typename T>
class [[nodiscard]] StoreResult
{
public:
    StoreResult(T value) // NOLINT(google-explicit-constructor): a value is a result
        : m_state(std::move(value))
    {
    }
    StoreResult(StoreError error) // NOLINT(google-explicit-constructor): so is a failure
        : m_state(std::move(error))
    {
        Q_ASSERT(std::get<StoreError>(m_state).isError());
    }

    [[nodiscard]] bool isError() const { return std::holds_alternative<StoreError>(m_state); }
    [[nodiscard]] StoreError error() const { return isError() ? std::get<StoreError>(m_state) : StoreError{}; }

    [[nodiscard]] const T &value() const
    {
        Q_ASSERT(!isError());
        return std::get<T>(m_state);
    }
    [[nodiscard]] const T &operator*() const { return value(); }
    [[nodiscard]] const T *operator->() const { return &value(); }

private:
    std::variant<T, StoreError> m_state;
};

} // namespace Mostrador
