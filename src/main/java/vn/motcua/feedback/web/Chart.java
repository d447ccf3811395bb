package vn.motcua.feedback.web;

import java.util.List;

/** The data of one chart, written as JSON into the page for static/js/charts.js. */
record Chart(String type, boolean stacked, boolean horizontal, List<String> labels, List<Series> series) {
    record Series(String name, List<Number> values) {
    }
}
