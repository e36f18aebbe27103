/**
 * Customer care (客情关怀, issue 27): care SMS templates and their approval by the proposer's supervisor
 * ({@code CareMessageApprovalProcess}), and the bulk greetings sent with them: the weekend greeting to star
 * customers' 小灵通 on working Fridays ({@code WeekendGreetingProcess}), the holiday greetings of the year's
 * list after each manager confirmed or trimmed their customers ({@code HolidayGreetingProcess}), and the weather
 * alerts a supervisor starts for their teams ({@code WeatherAlertProcess}). Every SMS goes out at most once per
 * batch and customer and leaves one line in the customer's contact log (notification.SmsBatchSender).
 */
package com.retentiondesk.care;
