package com.retentiondesk.arrears;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ArrearsSettings.class)
class ArrearsConfiguration {
}
