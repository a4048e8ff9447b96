package dev.jobsuccess.feedback.domain;

import java.util.List;

/** One page of a freelancer's public profile feedback, and how many there are in all. */
public record ProfilePage(List<Feedback> items, long total, int page, int size) {}
