export { testRun } from '@/lib/tracking/test-runs';
