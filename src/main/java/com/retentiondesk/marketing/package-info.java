/** Competitor news for the marketing department (竞争信息反馈): the competitor notes from every call, by API and a weekly digest mail. */
package com.retentiondesk.marketing;
