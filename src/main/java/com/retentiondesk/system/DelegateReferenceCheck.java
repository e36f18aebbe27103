package com.retentiondesk.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Refuses, before the engine parses it, a BPMN file that is not XML or that names a delegate that
 * does not exist: a {@code camunda:delegateExpression="${bean}"} must name a bean of the desk and a
 * {@code camunda:class} must be on the classpath. The engine would otherwise answer malformed XML with
 * a 500 and accept an unknown delegate, failing only when a case reaches the step. The answer is a 400
 * naming the file, the element and the problem; nothing is deployed.
 */
@Component
class DelegateReferenceCheck extends AbstractProcessEnginePlugin {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
	private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

	private final ObjectProvider<ListableBeanFactory> beans;

	DelegateReferenceCheck(ObjectProvider<ListableBeanFactory> beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreDeployers() == null) {
			configuration.setCustomPreDeployers(new ArrayList<>());
		}
		configuration.getCustomPreDeployers().add(new Check());
	}

	private final class Check implements Deployer {

		@Override
		public void deploy(DeploymentEntity deployment) {
			if (!deployment.isNew()) {
				return; // a deployment read back into the cache was checked when it was made
			}
			for (ResourceEntity resource : deployment.getResources().values()) {
				if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
					check(resource);
				}
			}
		}

		private void check(ResourceEntity resource) {
			Document document;
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				DocumentBuilder builder = factory.newDocumentBuilder();
				builder.setErrorHandler(null);
				document = builder.parse(new ByteArrayInputStream(resource.getBytes()));
			} catch (SAXParseException e) {
				throw new BadUserRequestException("部署被拒绝: " + resource.getName() + " 不是有效的 XML (第" + e.getLineNumber()
						+ "行): " + e.getMessage());
			} catch (Exception e) {
				throw new BadUserRequestException("部署被拒绝: 无法读取 " + resource.getName() + ": " + e.getMessage());
			}
			List<String> problems = new ArrayList<>();
			NodeList all = document.getElementsByTagNameNS("*", "*");
			for (int i = 0; i < all.getLength(); i++) {
				Element element = (Element) all.item(i);
				String expression = element.getAttributeNS(CAMUNDA_NS, "delegateExpression");
				Matcher bean = BEAN.matcher(expression.trim());
				if (bean.matches() && !beans.getObject().containsBean(bean.group(1))) {
					problems.add(owner(element) + ": delegateExpression " + expression + " names no bean '" + bean.group(1) + "'");
				}
				String className = element.getAttributeNS(CAMUNDA_NS, "class");
				if (!className.isBlank()) {
					try {
						Class.forName(className.trim(), false, getClass().getClassLoader());
					} catch (ClassNotFoundException e) {
						problems.add(owner(element) + ": class " + className + " is not on the classpath");
					}
				}
			}
			if (!problems.isEmpty()) {
				throw new BadUserRequestException("部署被拒绝: " + resource.getName() + " 引用了不存在的实现: "
						+ String.join("; ", problems));
			}
		}

		/** The BPMN element a listener belongs to, or the element itself. */
		private String owner(Element element) {
			org.w3c.dom.Node node = element;
			while (node instanceof Element e && e.getAttribute("id").isEmpty()) {
				node = e.getParentNode();
			}
			return node instanceof Element e ? e.getAttribute("id") : element.getLocalName();
		}
	}
}
