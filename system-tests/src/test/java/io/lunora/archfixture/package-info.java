/**
 * Deliberately bad code that the architecture rules must refuse ({@code ArchitectureRulesCanFailTest}).
 * Test sources only: the real scan of {@code ArchitectureTest} does not include them.
 */
package io.lunora.archfixture;
