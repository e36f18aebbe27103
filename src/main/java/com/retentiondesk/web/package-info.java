/**
 * What every {@code /api} controller uses, below all other packages of the desk: the desk's groups, the
 * group check ({@code @AllowedGroups}), the caller ({@code DeskPrincipal}), JSON errors and the retry of
 * operations that lost to a concurrent update.
 */
package com.retentiondesk.web;
