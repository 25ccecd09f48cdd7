package io.lunora.engine.ts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgramTablesTest {
    @Test
    void shouldWriteTablesThatReadBackAsTheFixedLayout() {
        PsiReader reader = new PsiReader();

        reader.accept(ProgramTables.pat(0));
        boolean changed = reader.accept(ProgramTables.pmt(0, 3, StreamLayout.H265, StreamLayout.AAC));

        assertThat(changed).isTrue();
        assertThat(reader.layout()).contains(new StreamLayout(ProgramTables.PMT_PID, ProgramTables.VIDEO_PID,
                StreamLayout.H265, ProgramTables.AUDIO_PID, StreamLayout.AAC));
    }

    @Test
    void shouldComputeTheMpegCrcOfASection() {
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(ProgramTables.crc32(check, 0, check.length)).isEqualTo(0x0376E6E7L);
    }

    @Test
    void shouldRewritePidAndContinuityInPlace() {
        byte[] packet = ProgramTables.pat(5);

        TsPacket.setPid(packet, 0x123);
        TsPacket.setContinuity(packet, 9);

        assertThat(TsPacket.pid(packet)).isEqualTo(0x123);
        assertThat(TsPacket.continuity(packet)).isEqualTo(9);
        assertThat(TsPacket.payloadStart(packet)).isTrue();
    }
}
