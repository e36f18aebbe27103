package com.retentiondesk.security;

import java.util.Set;

import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The only expressions a stored filter may hold, checked on the syntax tree of the engine's own JUEL
 * parser (not by a pattern, which text such as {@code ${currentUser()}${x.y()}} could slip past):
 * <ul>
 * <li>{@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}};</li>
 * <li>{@code ${dateTime()…toDate()}} with any chain of {@code withTimeAtStartOfDay()}, {@code plusDays(n)},
 * {@code minusDays(n)}, {@code plusHours(n)}, {@code minusHours(n)} between, n a whole number up to 9999.</li>
 * </ul>
 * That is all the desk's own filters use; anything else could call any bean or class on the server each
 * time someone refreshes the filter.
 */
final class FilterExpressionAllowList {

	private static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now");
	private static final Set<String> STEPS = Set.of("plusDays", "minusDays", "plusHours", "minusHours");

	private FilterExpressionAllowList() {
	}

	static boolean allows(String expression) {
		Tree tree;
		try {
			tree = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression);
		} catch (TreeBuilderException | IllegalArgumentException unparsable) {
			return false;
		}
		// one ${…} and nothing around it: no #{…}, no literal text, no second expression
		if (tree.isDeferred() || !(tree.getRoot() instanceof AstEval eval)) {
			return false;
		}
		Node body = eval.getChild(0);
		return isFunction(body, FUNCTIONS) || isDateChain(body);
	}

	private static boolean isFunction(Node node, Set<String> names) {
		return node instanceof AstFunction function && names.contains(function.getName()) && function.getParamCount() == 0;
	}

	/** {@code dateTime()}, then day and hour steps, then {@code toDate()}. */
	private static boolean isDateChain(Node node) {
		if (!isMethod(node, "toDate", 0)) {
			return false;
		}
		Node step = target(node);
		while (step instanceof AstMethod) {
			boolean allowed = isMethod(step, "withTimeAtStartOfDay", 0)
					|| (STEPS.contains(name(step)) && isMethod(step, name(step), 1) && isWholeNumber(parameters(step).getChild(0)));
			if (!allowed) {
				return false;
			}
			step = target(step);
		}
		return isFunction(step, Set.of("dateTime"));
	}

	private static boolean isMethod(Node node, String name, int parameterCount) {
		return node instanceof AstMethod && name.equals(name(node)) && parameters(node).getCardinality() == parameterCount;
	}

	/** The method's name, for {@code target.name(…)}; null for {@code target['name'](…)}. */
	private static String name(Node method) {
		Node property = method.getChild(0);
		// AstDot prints itself as ". name"
		return property instanceof AstDot dot && dot.toString().startsWith(". ") ? dot.toString().substring(2) : null;
	}

	private static Node target(Node method) {
		return method.getChild(0).getChild(0);
	}

	private static Node parameters(Node method) {
		return method.getChild(1);
	}

	private static boolean isWholeNumber(Node node) {
		return node instanceof AstNumber number && number.toString().matches("\\d{1,4}");
	}
}
