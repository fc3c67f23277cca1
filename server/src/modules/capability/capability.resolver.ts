import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/public.decorator.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Capability } from './capability.entity.js';
import { CapabilityService } from './capability.service.js';
import { ManagedValueInput, RetireValueInput } from './dto/managed-value.input.js';

@Resolver(() => Capability)
export class CapabilityResolver {
  constructor(private readonly capabilityService: CapabilityService) {}

  @Public()
  @Query(() => [Capability], { description: 'The capability list ("wat kan deze partner"), by Dutch name; retired values only when asked' })
  capabilities(@Args('includeRetired', { defaultValue: false }) includeRetired: boolean): Promise<Capability[]> {
    return this.capabilityService.all(includeRetired);
  }

  @Mutation(() => Capability, { description: 'Add a value to the capability list (administrators)' })
  createCapability(@CurrentActor() actor: Actor | null, @Args('input') input: ManagedValueInput): Promise<Capability> {
    return this.capabilityService.create(actor, input);
  }

  @Mutation(() => Capability, { description: 'Rename a capability (administrators); records keep the code' })
  renameCapability(@CurrentActor() actor: Actor | null, @Args('input') input: ManagedValueInput): Promise<Capability> {
    return this.capabilityService.rename(actor, input);
  }

  @Mutation(() => Capability, { description: 'Retire a capability or take it back into use (administrators)' })
  retireCapability(@CurrentActor() actor: Actor | null, @Args('input') input: RetireValueInput): Promise<Capability> {
    return this.capabilityService.retire(actor, input.code, input.retired);
  }
}
