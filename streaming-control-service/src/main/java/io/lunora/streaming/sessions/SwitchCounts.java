package io.lunora.streaming.sessions;

import io.lunora.model.media.SwitchEvent;

/**
 * A session's input switches, counted as they are recorded so that no count needs the whole list.
 *
 * @param switches        every recorded switch
 * @param failovers       changes of the program between real inputs, the slate in between ignored:
 *                        one outage (primary → slate → secondary) is one failover, a primary that comes
 *                        back after the slate (primary → slate → primary) is none
 * @param slateInsertions switches to the slate for a lost signal (an operator's pause is none)
 * @param lastInput       the real input last on air (what the next failover is measured against); null
 *                        before the first
 */
public record SwitchCounts(int switches, int failovers, int slateInsertions, String lastInput) {
    public static final SwitchCounts NONE = new SwitchCounts(0, 0, 0, null);
    private static final String SLATE = "slate";

    public SwitchCounts after(StreamSession.FailoverEvent event) {
        String onAir = lastInput == null && isInput(event.from()) ? event.from() : lastInput;
        int failed = failovers;
        if (isInput(event.to())) {
            if (onAir != null && !onAir.equals(event.to())) {
                failed++;
            }
            onAir = event.to();
        }
        boolean inserted = SLATE.equals(event.to()) && !SwitchEvent.PAUSED.equals(event.reason());
        return new SwitchCounts(switches + 1, failed, slateInsertions + (inserted ? 1 : 0), onAir);
    }

    private static boolean isInput(String name) {
        return name != null && !SLATE.equals(name);
    }
}
