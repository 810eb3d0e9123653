/**
 * The wording of plans and results, shared by the terminal and the window so both say the same thing:
 * {@link org.apdm.core.summary.PlanSummary} (any plan and its outcomes), {@link org.apdm.core.summary.IngestSummary},
 * {@link org.apdm.core.summary.CullSummary}. Lines only; where they go (stdout, the log pane) is the adapter's business.
 */
package org.apdm.core.summary;
