/** The package-advice case (套餐预警保有): over or under the package's minimum, or no package, month after month. */
package com.retentiondesk.packageadvice;
