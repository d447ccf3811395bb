package vn.motcua.shared.web;

import java.util.List;

/** The data of one chart, written as JSON into the page for static/js/charts.js (ECharts served from the application). */
public record Chart(String type, boolean stacked, boolean horizontal, List<String> labels, List<Series> series) {
    public record Series(String name, List<Number> values) {
    }
}
