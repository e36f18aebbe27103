/** The birthday greeting (客户生日祝福): a daily scan opens a greeting call for each star customer's birthday, without any offer. */
package com.retentiondesk.birthday;
