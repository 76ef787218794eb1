/**
 * The published language: facts, named in the past tense, one record per fact. Each event carries
 * everything a projection needs; events are forever, so a breaking shape change gets a new revision
 * and an upcaster rather than an edit here.
 */
package io.timetracker.events;
