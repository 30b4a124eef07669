import { createContext, useContext } from 'react';
import type { Me, MyTasks } from './api/types';
import type { Resource } from './use-resource';

/**
 * What the signed-in shell gives every view below it. Its own module, so
 * the views depend on it and not on the app that renders them.
 */
export const MeContext = createContext<Me | null>(null);
/** My tasks, loaded once for the navigation's overdue count and the task list alike. */
export const TasksContext = createContext<Resource<MyTasks | null> | null>(null);

export function useMyTasks(): Resource<MyTasks | null> {
  const tasks = useContext(TasksContext);
  if (!tasks) throw new Error('useMyTasks outside the signed-in shell');
  return tasks;
}

/** The signed-in user; views below the shell always have one. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}

/** A unit by the name people say it ("Järva"), as the sign-in named the user's units; else its id. */
export function useUnitName(): (unit: string) => string {
  const me = useMe();
  return (unit) => me.memberships.find((m) => m.unit === unit)?.unitName ?? unit;
}
