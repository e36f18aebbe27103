package com.retentiondesk.billing;

import org.springframework.data.jpa.repository.JpaRepository;

/** The package catalogue, by package code. */
public interface UsagePackages extends JpaRepository<UsagePackage, String> {
}
