#include "reportformat.h"

#include "messaging/messagetypes.h"

#include <QJsonArray>

#include <cmath>

namespace Mostrador::ReportFormat {

namespace {

QJsonValue seconds(const std::optional<double> &value)
{
    return value ? QJsonValue(std::round(*value * 10) / 10) : QJsonValue(QJsonValue::Null);
}

QJsonObject durations(const Durations &figures)
{
    return {{QStringLiteral("count"), figures.count},
            {QStringLiteral("median"), seconds(figures.median)},
            {QStringLiteral("p90"), seconds(figures.p90)}};
}

QString localTime(const QDateTime &time, const QTimeZone &zone)
{
    return time.toTimeZone(zone).toString(Qt::ISODate);
}

QJsonArray chats(const QList<ReportedChat> &list, const QTimeZone &zone)
{
    QJsonArray array;
    for (const ReportedChat &chat : list) {
        array.append(QJsonObject{{QStringLiteral("conversation_id"), chat.conversationId},
                                 {QStringLiteral("customer"), chat.customerName},
                                 {QStringLiteral("waiting_since"), localTime(chat.waitingSince, zone)}});
    }
    return array;
}

QJsonValue optionalCount(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

double cents(double amount)
{
    return std::round(amount * 10000) / 10000;
}

// Every scalar of `object` as "prefix.key,value" rows; arrays of objects by their position.
void flatten(const QString &prefix, const QJsonValue &value, QByteArray &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(), out);
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            flatten(prefix + QLatin1Char('.') + QString::number(i), array.at(i), out);
        return;
    }
    QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 12) : value.isBool() ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : value.toString();
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        text = QLatin1Char('"') + text.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
    out += (prefix + QLatin1Char(',') + text).toUtf8() + "\r\n";
}

} // namespace

QJsonObject toJson(const ShopReport &report)
{
    const QTimeZone &zone = report.period.zone;
    QJsonObject byOrigin;
    for (int origin = 0; origin < int(report.messagesByOrigin.size()); ++origin)
        byOrigin.insert(messageOriginName(MessageOrigin(origin)), report.messagesByOrigin.at(origin));

    QJsonObject replyTime = durations(report.replyTime);
    replyTime.insert(QStringLiteral("business_hours"), report.replyTimeBusinessHours ? QJsonValue(durations(*report.replyTimeBusinessHours))
                                                                                     : QJsonValue(QJsonValue::Null));
    QJsonArray ads;
    for (const AdArrivals &ad : report.ads) {
        ads.append(QJsonObject{{QStringLiteral("source_id"), ad.sourceId}, {QStringLiteral("headline"), ad.headline},
                               {QStringLiteral("customers"), ad.customers}, {QStringLiteral("messages"), ad.messages}});
    }
    QJsonArray months;
    for (const CostLine &line : report.costs.byMonth) {
        months.append(QJsonObject{{QStringLiteral("month"), line.month}, {QStringLiteral("category"), line.category},
                                  {QStringLiteral("messages"), line.messages}, {QStringLiteral("billable"), line.billable},
                                  {QStringLiteral("unpriced"), line.unpriced}, {QStringLiteral("cost"), cents(line.cost)}});
    }
    QJsonArray cards;
    for (const CardUse &card : report.costs.byCard) {
        cards.append(QJsonObject{{QStringLiteral("date"), card.effective.toString(Qt::ISODate)}, {QStringLiteral("source"), card.source},
                                 {QStringLiteral("messages"), card.messages}, {QStringLiteral("cost"), cents(card.cost)}});
    }
    QJsonObject costByOrigin;
    for (const MessageOrigin origin : {MessageOrigin::Shop, MessageOrigin::Automatic, MessageOrigin::Campaign}) {
        const auto index = std::size_t(origin);
        costByOrigin.insert(messageOriginName(origin), QJsonObject{{QStringLiteral("billable"), report.costs.billableByOrigin.at(index)},
                                                               {QStringLiteral("cost"), cents(report.costs.byOrigin.at(index))}});
    }
    QJsonArray agents;
    for (const AgentFigures &agent : report.agents) {
        agents.append(QJsonObject{{QStringLiteral("name"), agent.name}, {QStringLiteral("messages"), agent.messages},
                                  {QStringLiteral("reply_time"), durations(agent.replyTime)}, {QStringLiteral("cost"), cents(agent.cost)}});
    }
    QJsonArray days;
    for (const DayFigures &day : report.days) {
        days.append(QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                {QStringLiteral("customer_messages"), day.customerMessages},
                                {QStringLiteral("shop_messages"), day.shopMessages},
                                {QStringLiteral("reply_time"), durations(day.replyTime)}});
    }
    QJsonArray heatMap;
    for (const auto &hours : report.customerMessagesByHour) {
        QJsonArray row;
        for (int count : hours)
            row.append(count);
        heatMap.append(row);
    }

    return {
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), localTime(report.period.from, zone)},
                                               {QStringLiteral("to"), localTime(report.period.to, zone)},
                                               {QStringLiteral("time_zone"), QString::fromUtf8(zone.id())}}},
        {QStringLiteral("conversations"), QJsonObject{{QStringLiteral("active"), report.conversations},
                                                      {QStringLiteral("new"), report.newConversations}}},
        {QStringLiteral("customers"), QJsonObject{{QStringLiteral("new"), report.newCustomers},
                                                  {QStringLiteral("returning"), report.returningCustomers}}},
        {QStringLiteral("messages"), QJsonObject{{QStringLiteral("in"), report.messagesIn},
                                                 {QStringLiteral("out"), report.messagesOut},
                                                 {QStringLiteral("by_origin"), costByOrigin}}},
        {QStringLiteral("reply_time"), replyTime},
        {QStringLiteral("unanswered"), int(report.unanswered.size())},
        {QStringLiteral("lost"), int(report.lost.size())},
        {QStringLiteral("unanswered_chats"), chats(report.unanswered, zone)},
        {QStringLiteral("lost_chats"), chats(report.lost, zone)},
        {QStringLiteral("resolution_time"), durations(report.resolutionTime)},
        {QStringLiteral("closed_hours"), QJsonObject{{QStringLiteral("messages"), optionalCount(report.closedMessages)},
                                                     {QStringLiteral("chats"), optionalCount(report.closedChats)},
                                                     {QStringLiteral("away_replied"), optionalCount(report.closedAwayReplied)}}},
        {QStringLiteral("ads"), ads},
        {QStringLiteral("costs"), QJsonObject{{QStringLiteral("currency"), report.costs.currency},
                                              {QStringLiteral("rate_card_date"), report.costs.rateCardDate.toString(Qt::ISODate)},
                                              {QStringLiteral("rate_card_source"), report.costs.rateCardSource},
                                              {QStringLiteral("total"), cents(report.costs.total)},
                                              {QStringLiteral("billable"), report.costs.billable},
                                              {QStringLiteral("free"), report.costs.free},
                                              {QStringLiteral("service_messages"), report.costs.serviceMessages},
                                              {QStringLiteral("service_billable"), report.costs.billableServiceMessages},
                                              {QStringLiteral("meta_agent_messages"), report.costs.metaAgentMessages},
                                              {QStringLiteral("by_month"), months},
                                              {QStringLiteral("by_card"), cards},
                                              {QStringLiteral("by_origin"), costByOrigin}}},
        {QStringLiteral("agents"), agents},
        {QStringLiteral("days"), days},
        {QStringLiteral("customer_messages_by_weekday_hour"), heatMap},
    };
}

QByteArray toCsv(const ShopReport &report)
{
    QByteArray out = "figure,value\r\n";
    QJsonObject figures = toJson(report);
    figures.remove(QStringLiteral("customer_messages_by_weekday_hour"));
    flatten(QString(), figures, out);
    return out;
}

} // namespace Mostrador::ReportFormat
