package vn.motcua.organization;

import java.util.List;

/** A unit with its children on the date the tree was drawn for. */
public record AgencyNode(Agency agency, List<AgencyNode> children) {
}
