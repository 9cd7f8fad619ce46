package dev.billpay.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CPU counters from /proc/<pid>/stat and /proc/stat")
class ProcessCpuTest {
  // fields 14-17 (utime stime cutime cstime) are 1234 56 78 9
  private static final String JAVA = "4242 (java) S 1 4242 4242 0 -1 4194560 120 0 0 0 1234 56 78 9 20 0 42 0"
      + " 1000 5000000000 90000 18446744073709551615 1 1 0 0 0 0 0 4096 16902 0 0 0 17 1 0 0 0 0 0";

  @Test
  @DisplayName("utime, stime, cutime and cstime are fields 14 to 17, the parent is field 4")
  void fields() {
    ProcessCpu.Stat s = ProcessCpu.parse(JAVA);
    assertThat(s.pid()).isEqualTo(4242);
    assertThat(s.ppid()).isEqualTo(1);
    assertThat(s.own()).isEqualTo(1234 + 56);
    assertThat(s.withReapedChildren()).isEqualTo(1234 + 56 + 78 + 9);
  }

  @Test
  @DisplayName("a command name with spaces and parentheses does not shift the fields")
  void awkwardCommandName() {
    String backend = "977 (postgres: postgres billpay 127.0.0.1(4434) idle) S 950 950 950 0 -1 4194560 300 0 0 0"
        + " 31 7 0 0 20 0 1 0 2000 200000000 3000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 0 0 0 0 0 0";
    ProcessCpu.Stat s = ProcessCpu.parse(backend);
    assertThat(s.pid()).isEqualTo(977);
    assertThat(s.ppid()).isEqualTo(950);
    assertThat(s.own()).isEqualTo(38);
  }

  @Test
  @DisplayName("threads are grouped by their kernel name with the numbers taken out")
  void threadGroups() {
    assertThat(ProcessCpu.command("31 (vert.x-eventloo) R 1 2 3")).isEqualTo("vert.x-eventloo");
    assertThat(ThreadCpu.group("vert.x-eventloop-thread-1")).isEqualTo(ThreadCpu.group("vert.x-eventloop-thread-0"));
    assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("C# CompilerThre");
    assertThat(ThreadCpu.group("GC Thread#12")).isEqualTo("GC Thread##");
    assertThat(ThreadCpu.sample(ProcessHandle.current().pid())).isNotEmpty();
  }

  @Test
  @DisplayName("a line that is not a stat line is refused, not misread")
  void garbage() {
    assertThatThrownBy(() -> ProcessCpu.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessCpu.parse("12 (x) S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("this process's own counters can be read, and a vanished pid is simply absent")
  void sampleSelf() {
    long self = ProcessHandle.current().pid();
    Map<String, Long> ticks = ProcessCpu.sample(java.util.List.of(new ProcessCpu.Watched("me", self, false),
        new ProcessCpu.Watched("gone", Long.MAX_VALUE, false)));
    assertThat(ticks).containsOnlyKeys("me");
    assertThat(ticks.get("me")).isNotNegative();
  }

  @Test
  @DisplayName("machine busy time adds user, nice, system, irq and softirq; idle, iowait and steal stay apart")
  void machine() {
    MachineCpu earlier = MachineCpu.parse("cpu  100 5 50 1000 20 3 2 7 0 0");
    MachineCpu later = MachineCpu.parse("cpu  300 5 90 1100 25 4 2 9 0 0");
    assertThat(earlier.busy()).isEqualTo(100 + 5 + 50 + 3 + 2);
    MachineCpu delta = later.minus(earlier);
    assertThat(delta).isEqualTo(new MachineCpu(200 + 40 + 1, 100, 5, 2));
    assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
  }
}
