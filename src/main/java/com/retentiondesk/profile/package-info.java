/** Customer profiles the managers keep (用户资料收集, issue 28): the 客户资料 section of every call form, the weekly verification of CDMA 普1 customers' five basics, and the customer page. */
package com.retentiondesk.profile;
