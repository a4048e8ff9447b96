package dev.jobsuccess.feedback.profile;

import java.util.List;

import dev.jobsuccess.feedback.feedback.Feedback;

/** One page of a freelancer's public profile feedback, and how many there are in all. */
public record ProfilePage(List<Feedback> items, long total, int page, int size) {}
