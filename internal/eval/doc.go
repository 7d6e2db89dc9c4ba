// Package eval scores an event export against a gold file exactly as the
// spec's reference scorer (../shared/eval/score.py) does, and explains the
// score: every missed, spurious or partly wrong event, toponym, casualty
// figure and cited source, with the sentence it comes from.
//
// The semantics follow score.py line by line: name normalization, greedy
// one-to-one event matching with required gold events first, the casualty
// pair sets, cited-name containment, dates within one day, micro-averages
// over the gold documents. A test holds Go's numbers and text output equal
// to the Python scorer's on a fixture.
package eval
