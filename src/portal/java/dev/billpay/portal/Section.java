package dev.billpay.portal;

import java.util.List;

/** A group of pages in the portal's navigation and on its landing page. */
record Section(String title, String blurb, List<Page> pages) {}
