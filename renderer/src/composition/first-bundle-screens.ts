/**
 * Screens that are part of the first bundle instead of a chunk of their own: the board, which the
 * desk opens on and whose time to interactive is budgeted (docs/benchmarks.md §5: no extra round
 * trip before it renders). Every other screen loads from the registry when first opened; a new
 * domain's screen does not belong here. (Vite's build notes that the registry's dynamic import
 * of the board is ineffective because of the static import here: that is the point.)
 */
import type { ComponentType } from 'react';
import { FrontDeskBoard } from '../board/front-desk-board';
import type { Screen } from './screens';

export const FIRST_BUNDLE_SCREENS: Partial<Record<Screen, ComponentType>> = { board: FrontDeskBoard };
