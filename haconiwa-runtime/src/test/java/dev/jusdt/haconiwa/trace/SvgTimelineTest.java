package dev.jusdt.haconiwa.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgTimelineTest {

  @Test
  void isWellFormedSvg() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(Traces.blogBoots()));

    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(Svg.NS);
  }

  @Test
  void oneRowPerProcessAndOneBarPerPhase() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(Traces.blogBoots()));
    Element boot = Svg.panel(doc, "boot");

    List<Element> rows = Svg.find(boot, "g", "row");
    assertThat(rows).extracting(r -> r.getAttribute("data-pid") + " " + r.getAttribute("data-side"))
        .containsExactly("28804 runtime", "28806 runtime", "28810 child");
    // 15 phases and one user hook (phase 124) in the source document's excerpt.
    assertThat(Svg.find(boot, "rect", "phase")).hasSize(15);
    assertThat(Svg.find(boot, "path", "hook")).hasSize(1);
    assertThat(Svg.find(rows.get(2), "rect", "phase"))
        .extracting(r -> r.getAttribute("data-phase"))
        .containsExactly("11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21");
  }

  @Test
  void barsAreLabelledWithNameAndDuration() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(Traces.blogBoots()));

    assertThat(Svg.find(Svg.panel(doc, "boot"), "text", "phase-label"))
        .extracting(Element::getTextContent)
        .contains("CONTAINER_START 16.161 ms", "CONTAINER_UID_MAPPING_SETUP 19.301 ms",
            "CONTAINER_EXECING");
  }

  @Test
  void barWidthsFollowTheDurations() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(Traces.blogBoots()));
    List<Element> bars = Svg.find(Svg.panel(doc, "fork-exec"), "rect", "phase");

    double namespaces = width(bars, "11");
    double pivotRoot = width(bars, "17");
    assertThat(pivotRoot / namespaces).isCloseTo(19.301 / 16.161, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void zoomsOnForkToExecWhenTheBootIsMuchLonger() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(Traces.blogBoots()));
    Element zoom = Svg.panel(doc, "fork-exec");

    // Row by row; the runtime's phase 1 ends at the fork, outside the window, and 4 starts after.
    assertThat(Svg.find(zoom, "rect", "phase"))
        .extracting(r -> r.getAttribute("data-phase"))
        .containsExactly("2", "3", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21");
  }

  @Test
  void hasATimeAxisInMilliseconds() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(Traces.blogBoots()));
    Element axis = Svg.find(Svg.panel(doc, "boot"), "g", "axis").get(0);

    assertThat(Svg.find(axis, "text", null))
        .extracting(Element::getTextContent)
        .containsExactly("0", "1000", "2000", "3000", "4000", "5000", "ms");
  }

  @Test
  void escapesWhatTheTraceSays() throws Exception {
    List<TraceEvent> events = new ArrayList<>();
    for (TraceEvent e : Traces.boot(100, 101, 0, 10)) {
      events.add(e.withComm("<...>"));
    }
    events.add(new TraceEvent(Probe.MISC, 100, 1, "a&b", 124, 175_000, null, "<x> & \"y\" \u0001", 0));
    Document doc = Svg.parse(SvgTimeline.render(Traces.group(events)));

    assertThat(Svg.find(doc, "text", "row-label"))
        .extracting(Element::getTextContent)
        .contains("a&b 100 runtime", "<...> 101 child");
    assertThat(Svg.find(doc, "text", "phase-label"))
        .extracting(Element::getTextContent)
        .contains("USER_2 \"<x> & \"y\" ?\"");
  }

  @Test
  void noBootsIsStillAnImage() throws Exception {
    Document doc = Svg.parse(SvgTimeline.render(List.of()));

    assertThat(doc.getDocumentElement().getTextContent()).contains("no container boot seen");
  }

  @Test
  void ticksAreRound() {
    assertThat(Ticks.step(5_271_782_000L)).isEqualTo(1_000_000_000L);
    assertThat(Ticks.step(43_865_365L)).isEqualTo(10_000_000L);
    assertThat(Ticks.step(150_000L)).isEqualTo(20_000L);
    assertThat(Ticks.of(147_752_000L, 191_618_000L))
        .containsExactly(150_000_000L, 160_000_000L, 170_000_000L, 180_000_000L, 190_000_000L);
    assertThat(Ticks.label(20_000L, 20_000L)).isEqualTo("0.02");
  }

  private static double width(List<Element> bars, String phase) {
    return bars.stream()
        .filter(b -> b.getAttribute("data-phase").equals(phase))
        .mapToDouble(b -> Double.parseDouble(b.getAttribute("width")))
        .findFirst()
        .orElseThrow();
  }
}
