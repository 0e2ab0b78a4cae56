// What lesson checks may use to judge a model against its baseline (lessons import lib/course only).
export { describeMargin, headlineRule, judgeAgainstBaseline, worthShipping, type BaselineVerdict, type HeadlineRule } from '../tracking/headline';
